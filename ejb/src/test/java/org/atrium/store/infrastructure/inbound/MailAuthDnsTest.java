package org.atrium.store.infrastructure.inbound;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atrium.store.application.internal.DkimSigning;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The wiring the server uses ({@link InboundAuthentication#fromSettings}: {@code atrium.dns.servers}, jSPF's and
 * jDKIM's dnsjava look-ups) against a small DNS server of the test's own on loopback.
 */
class MailAuthDnsTest {

    private static final Map<String, List<Record>> ZONE = new HashMap<>();
    private static DatagramSocket socket;
    private static Thread server;
    private static KeyPair key;
    private static final Map<String, String> SAVED = new HashMap<>();

    private static void txt(String name, String value) throws IOException {
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < value.length(); i += 255) {
            strings.add(value.substring(i, Math.min(value.length(), i + 255)));
        }
        ZONE.computeIfAbsent(name + "/TXT", k -> new ArrayList<>())
                .add(new TXTRecord(Name.fromString(name + "."), DClass.IN, 60, strings));
    }

    @BeforeAll
    static void start() throws Exception {
        key = DkimSigning.generate();
        txt("example.org", "v=spf1 ip4:192.0.2.0/24 -all");
        txt("sel._domainkey.example.org", DkimSigning.record(key.getPublic()));
        ZONE.put("mx.example.org/A", List.of(new ARecord(Name.fromString("mx.example.org."), DClass.IN, 60,
                InetAddress.getByName("192.0.2.25"))));
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        server = new Thread(MailAuthDnsTest::serve, "test-dns");
        server.setDaemon(true);
        server.start();
        for (String k : List.of("atrium.dns.servers", "atrium.hostname", "atrium.spf.enabled", "atrium.dkim.verify")) {
            SAVED.put(k, System.getProperty(k));
        }
        System.setProperty("atrium.dns.servers", "127.0.0.1:" + socket.getLocalPort());
        System.setProperty("atrium.hostname", "mx.atrium.test");
        System.setProperty("atrium.spf.enabled", "true");
        System.setProperty("atrium.dkim.verify", "true");
    }

    @AfterAll
    static void stop() {
        socket.close();
        SAVED.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    private static void serve() {
        byte[] buf = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                Message q = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                Record question = q.getQuestion();
                String name = question.getName().toString(true).toLowerCase();
                Message r = new Message(q.getHeader().getID());
                r.getHeader().setFlag(Flags.QR);
                r.getHeader().setFlag(Flags.AA);
                r.getHeader().setFlag(Flags.RA);
                r.addRecord(question, Section.QUESTION);
                List<Record> answer = ZONE.get(name + "/" + Type.string(question.getType()));
                boolean known = ZONE.keySet().stream().anyMatch(k -> k.startsWith(name + "/"));
                if (answer != null) {
                    answer.forEach(a -> r.addRecord(a, Section.ANSWER));
                } else if (!known) {
                    r.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                byte[] out = r.toWire();
                socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    e.printStackTrace();
                }
            }
        }
    }

    @Test
    void spfAndDkimThroughRealDnsLookups() throws Exception {
        String body = "From: bob@example.org\r\nTo: alice@atrium.test\r\nSubject: hi\r\n\r\nhello\r\n";
        String signed = DkimSigning.sign("example.org", "sel", key.getPrivate(),
                new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1)), Instant.now()) + body;
        String block = InboundAuthentication.fromSettings().headers(InboundAuthenticationTest.envelope("192.0.2.9",
                "mx.example.org", "bob@example.org", null), InboundAuthenticationTest.data(signed));
        assertTrue(block.startsWith("Received-SPF: pass (mx.atrium.test: "), block);
        assertTrue(block.contains("spf=pass smtp.mailfrom=bob@example.org"), block);
        assertTrue(block.contains("dkim=pass header.d=example.org"), block);

        String none = InboundAuthentication.fromSettings().headers(InboundAuthenticationTest.envelope("192.0.2.9",
                "mx.example.org", "x@nowhere.example", null), InboundAuthenticationTest.data(body));
        assertTrue(none.startsWith("Received-SPF: none "), none);
        assertTrue(none.contains("dkim=none"), none);

        String fail = InboundAuthentication.fromSettings().headers(InboundAuthenticationTest.envelope("203.0.113.1",
                "mx.example.org", "bob@example.org", null), InboundAuthenticationTest.data(body));
        assertTrue(fail.startsWith("Received-SPF: fail "), fail);
    }
}
