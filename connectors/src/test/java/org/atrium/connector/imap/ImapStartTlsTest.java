package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * STARTTLS (RFC 3501 §6.2.1, RFC 9051 §6.2.1): advertised before TLS only, in the greeting and CAPABILITY; valid only
 * in not-authenticated state; nothing of the session survives the switch.
 */
class ImapStartTlsTest {

    private InMemoryMailStore store;

    @BeforeEach
    void setUp() {
        store = new InMemoryMailStore();
        store.addAccount("alice", "secret");
    }

    private ImapHarness harness(boolean tls) {
        return new ImapHarness(new ImapSessionFactory(store, ImapSettings.defaults(ImapHarness.HOST),
                ImapHarness.CLOCK), "s1", tls);
    }

    private static String capabilityLine(List<String> response) {
        return response.stream().filter(l -> l.startsWith("* CAPABILITY ")).findFirst().orElseThrow();
    }

    @Test
    void advertisedBeforeTlsAndNotAfter() {
        ImapHarness c = harness(true);
        assertTrue(c.drain().get(0).contains(" STARTTLS "), "greeting capabilities");
        assertTrue(capabilityLine(c.send("a1 CAPABILITY")).contains(" STARTTLS "));
        assertEquals(List.of("a2 OK Begin TLS negotiation now"), c.send("a2 STARTTLS"));
        assertEquals(1, c.out.tlsSwitches());
        List<String> caps = c.send("a3 CAPABILITY");
        assertFalse(capabilityLine(caps).contains("STARTTLS"), caps.toString());
        assertEquals("a3 OK CAPABILITY completed", caps.get(caps.size() - 1));
        assertEquals(List.of("a4 BAD TLS is already active"), c.send("a4 STARTTLS"));
        assertEquals(1, c.out.tlsSwitches());
    }

    @Test
    void notAdvertisedWithoutTlsOnTheListener() {
        ImapHarness c = harness(false);
        assertFalse(c.drain().get(0).contains("STARTTLS"));
        assertFalse(capabilityLine(c.send("a1 CAPABILITY")).contains("STARTTLS"));
        assertEquals(List.of("a2 NO STARTTLS is not available on this connection"), c.send("a2 STARTTLS"));
    }

    @Test
    void onlyInNotAuthenticatedState() {
        ImapHarness c = harness(true);
        c.login("alice", "secret");
        assertEquals(List.of("a1 BAD STARTTLS is not valid in authenticated state"), c.send("a1 STARTTLS"));
        assertEquals(0, c.out.tlsSwitches());
    }

    @Test
    void sessionStaysNotAuthenticatedAndLoginWorksUnderTls() {
        ImapHarness c = harness(true);
        c.drain();
        c.send("a1 STARTTLS");
        assertEquals(ImapState.NOT_AUTHENTICATED, c.session.state());
        assertTrue(c.session.connection().secure());
        List<String> login = c.send("a2 LOGIN alice secret");
        assertTrue(login.get(login.size() - 1).startsWith("a2 OK"), login.toString());
        assertFalse(login.toString().contains("STARTTLS"), login.toString());
    }
}
