package org.atrium.connector.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** STLS (RFC 2595 §4): listed in CAPA before TLS only, valid only in AUTHORIZATION, the USER name forgotten. */
class Pop3StlsTest {

    private static Pop3Harness harness(boolean tls) {
        FakeMaildropPort port = new FakeMaildropPort();
        port.addAccount("alice", "secret").add("u1", "Subject: x\r\n\r\nbody\r\n");
        Pop3Harness h = new Pop3Harness(port, new Pop3Settings(Pop3Harness.HOST, 600, 255, 40, 3, 0, "Atrium"), tls);
        h.drain();
        return h;
    }

    @Test
    void listedInCapaBeforeTlsOnly() {
        Pop3Harness h = harness(true);
        List<String> before = h.send("CAPA");
        assertTrue(before.contains("STLS"), before.toString());
        assertEquals(List.of("+OK Begin TLS negotiation"), h.send("STLS"));
        assertEquals(1, h.out.tlsSwitches());
        List<String> after = h.send("CAPA");
        assertEquals("+OK capability list follows", after.get(0));
        assertFalse(after.contains("STLS"), after.toString());
        assertEquals(List.of("-ERR command not permitted when TLS active"), h.send("STLS"));
        assertEquals(1, h.out.tlsSwitches());
    }

    @Test
    void userNameGivenBeforeStlsIsForgotten() {
        Pop3Harness h = harness(true);
        h.send("USER alice");
        h.send("STLS");
        assertTrue(h.send("PASS secret").get(0).startsWith("-ERR"), "PASS needs a USER given under TLS");
        assertEquals("+OK send PASS", h.send("USER alice").get(0));
        assertTrue(h.send("PASS secret").get(0).startsWith("+OK"));
    }

    @Test
    void onlyInAuthorizationAndOnlyWhereTlsExists() {
        Pop3Harness h = harness(true);
        assertTrue(h.login("alice", "secret").startsWith("+OK"));
        List<String> capa = h.send("CAPA");
        assertFalse(capa.contains("STLS"), capa.toString());
        assertEquals(List.of(Pop3Session.WRONG_STATE), h.send("STLS"));
        assertEquals(0, h.out.tlsSwitches());

        Pop3Harness plain = harness(false);
        assertFalse(plain.send("CAPA").contains("STLS"));
        assertEquals(List.of("-ERR STLS not available"), plain.send("STLS"));
        assertEquals(List.of("-ERR too many arguments"), harness(true).send("STLS now"));
    }
}
