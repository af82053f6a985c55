package org.atrium.connector.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** DNS block-list names (RFC 5782 §2.1, §2.4) and the look-up through a real resolver against a UDP responder. */
class DnsblTest {

    @Test
    void reversedNames() throws Exception {
        assertEquals("4.3.2.1", Dnsbl.reversed(InetAddress.getByName("1.2.3.4")));
        assertEquals("b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2",
                Dnsbl.reversed(InetAddress.getByName("2001:db8:1:2:3:4:567:89ab")), "RFC 5782 §2.4 example");
    }

    @Test
    void zonesSetting() {
        assertEquals(List.of("zen.spamhaus.org", "bl.example"), Dnsbl.zones(" zen.spamhaus.org. ,, bl.example "));
        assertTrue(Dnsbl.zones(null).isEmpty());
        assertFalse(Dnsbl.off().enabled());
    }

    /**
     * A responder that answers 127.0.0.2 for {@code 2.0.0.127.bl.test}, NXDOMAIN for other names under bl.test, and
     * SERVFAIL for anything else; the real {@link Dnsbl#dnsLookup} resolver asks it over UDP on loopback.
     */
    @Test
    void lookupAgainstAUdpResponder() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Thread responder = new Thread(() -> serve(socket));
            responder.setDaemon(true);
            responder.start();
            Dnsbl.Lookup lookup = Dnsbl.dnsLookup("127.0.0.1:" + socket.getLocalPort(), Duration.ofSeconds(2));
            Dnsbl dnsbl = new Dnsbl(List.of("fail.test", "bl.test"), lookup);
            Dnsbl.Verdict listed = dnsbl.check(InetAddress.getByName("192.0.2.99"));
            assertEquals("bl.test", listed.listedIn());
            assertEquals(List.of("fail.test"), listed.failedZones(), "SERVFAIL is a failure, not a listing");
            Dnsbl.Verdict clean = dnsbl.check(InetAddress.getByName("192.0.2.1"));
            assertFalse(clean.listed(), "NXDOMAIN is not listed");
        }
    }

    private static void serve(DatagramSocket socket) {
        byte[] buf = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buf, buf.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Record question = query.getQuestion();
                Message answer = new Message(query.getHeader().getID());
                answer.getHeader().setFlag(Flags.QR);
                answer.addRecord(question, Section.QUESTION);
                String name = question.getName().toString();
                if (name.equals("99.2.0.192.bl.test.")) {
                    answer.addRecord(new ARecord(question.getName(), DClass.IN, 60,
                            InetAddress.getByAddress(new byte[] {127, 0, 0, 2})), Section.ANSWER);
                } else if (name.endsWith(".bl.test.")) {
                    answer.getHeader().setRcode(Rcode.NXDOMAIN);
                } else {
                    answer.getHeader().setRcode(Rcode.SERVFAIL);
                }
                byte[] wire = answer.toWire();
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (SocketException closed) {
                return;
            } catch (Exception e) {
                // A malformed query is dropped; the client times out.
            }
        }
    }

}
