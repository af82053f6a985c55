package org.atrium.connector.smtp.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;

/**
 * A tiny authoritative DNS server over UDP on loopback, answering MX, A and AAAA from what the test put in; a name
 * it has no record of at all is NXDOMAIN, a name it knows without the asked type gets an empty NOERROR answer, and a
 * name marked {@link #servfail} gets SERVFAIL. Point {@code atrium.dns.servers} at {@link #server()}.
 */
final class FakeDns implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<String, List<Record>> records = new ConcurrentHashMap<>();
    private final Set<String> servfail = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closed;

    FakeDns() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "fake-dns");
        thread.setDaemon(true);
        thread.start();
    }

    /** The {@code atrium.dns.servers} value. */
    String server() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    FakeDns mx(String domain, int preference, String host) throws TextParseException {
        Name target = host.equals(".") ? Name.root : name(host);
        return add(new MXRecord(name(domain), DClass.IN, 60, preference, target));
    }

    FakeDns a(String host, String ip) throws IOException {
        InetAddress address = InetAddress.getByName(ip);
        return add(address.getAddress().length == 4 ? new ARecord(name(host), DClass.IN, 60, address)
                : new AAAARecord(name(host), DClass.IN, 60, address));
    }

    FakeDns servfail(String host) {
        servfail.add(host.toLowerCase(Locale.ROOT) + ".");
        return this;
    }

    private FakeDns add(Record r) {
        records.computeIfAbsent(r.getName().toString().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(r);
        return this;
    }

    private static Name name(String s) throws TextParseException {
        return Name.fromString(s, Name.root);
    }

    private void serve() {
        byte[] buf = new byte[4096];
        while (!closed) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                Message query = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                byte[] answer = answer(query).toWire(512);
                socket.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("FakeDns: " + e);
                }
            }
        }
    }

    private Message answer(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        Record question = query.getQuestion();
        response.addRecord(question, Section.QUESTION);
        String name = question.getName().toString().toLowerCase(Locale.ROOT);
        if (servfail.contains(name)) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
            return response;
        }
        List<Record> known = records.get(name);
        if (known == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            return response;
        }
        Set<Record> seen = new HashSet<>();
        for (Record r : known) {
            if (r.getType() == question.getType() && seen.add(r)) {
                response.addRecord(r, Section.ANSWER);
            }
        }
        return response;
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
    }
}
