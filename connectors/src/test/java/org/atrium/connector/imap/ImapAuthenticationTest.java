package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LOGIN (RFC 3501 §6.2.3), AUTHENTICATE PLAIN (RFC 4616, RFC 4959 SASL-IR), STARTTLS and literals in arguments. */
class ImapAuthenticationTest {

    private InMemoryMailStore store;
    private ImapHarness c;
    private String caps;

    @BeforeEach
    void setUp() {
        store = new InMemoryMailStore();
        store.addAccount("alice", "secret");
        c = new ImapHarness(store);
        c.drain();
        caps = String.join(" ", c.session.capabilities());
    }

    private static String plain(String authz, String user, String password) {
        return Base64.getEncoder().encodeToString((authz + "\0" + user + "\0" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void loginOkCarriesCapabilities() {
        assertEquals(List.of("a1 OK [CAPABILITY " + caps + "] LOGIN completed"), c.send("a1 LOGIN alice secret"));
        assertEquals(List.of("192.0.2.7"), store.authenticatedIps);
    }

    @Test
    void loginFailureIsAuthenticationFailedRfc5530() {
        assertEquals(List.of("a1 NO [AUTHENTICATIONFAILED] Authentication failed"), c.send("a1 LOGIN alice wrong"));
        assertEquals(List.of("a2 NO [AUTHENTICATIONFAILED] Authentication failed"), c.send("a2 LOGIN bob secret"));
        assertEquals(List.of("a3 BAD SELECT is not valid in not authenticated state"), c.send("a3 SELECT INBOX"));
    }

    @Test
    void protocolRefusedByClassOfServiceIsContactAdminRfc5530() {
        store.refusedByProfile.put("alice", "pop-only");
        assertEquals(List.of("a1 NO [CONTACTADMIN] IMAP access is not enabled for this account"),
                c.send("a1 LOGIN alice secret"));
        assertEquals(List.of("a2 NO [CONTACTADMIN] IMAP access is not enabled for this account"),
                c.send("a2 AUTHENTICATE PLAIN " + plain("", "alice", "secret")));
        assertEquals(List.of("a3 BAD SELECT is not valid in not authenticated state"), c.send("a3 SELECT INBOX"));
        assertEquals(List.of("a4 NO [AUTHENTICATIONFAILED] Authentication failed"), c.send("a4 LOGIN alice wrong"),
                "a wrong password says nothing about the profile");
        store.refusedByProfile.clear();
        assertEquals(List.of("a5 OK [CAPABILITY " + caps + "] LOGIN completed"), c.send("a5 LOGIN alice secret"));
    }

    @Test
    void storeOutageDuringLoginIsUnavailable() {
        store.failure = new IllegalStateException("directory down");
        assertEquals(List.of("a1 NO [UNAVAILABLE] Authentication service unavailable, try again later"),
                c.send("a1 LOGIN alice secret"));
    }

    @Test
    void loginWithSynchronizingLiteralsFedByteByByteRfc3501s7_5() {
        assertEquals(List.of("+ Ready for literal data"), c.type("a1 LOGIN {5}\r\n"));
        assertEquals(List.of("+ Ready for literal data"), c.type("alice {6}\r\n"));
        assertEquals(List.of("a1 OK [CAPABILITY " + caps + "] LOGIN completed"), c.type("secret\r\n"));
    }

    @Test
    void nonSynchronizingLiteralGetsNoContinuationRfc7888() {
        assertEquals(List.of("a1 OK [CAPABILITY " + caps + "] LOGIN completed"),
                c.type("a1 LOGIN {5+}\r\nalice {6+}\r\nsecret\r\n"));
    }

    @Test
    void authenticatePlainWithInitialResponseRfc4959() {
        assertEquals(List.of("a1 OK [CAPABILITY " + caps + "] AUTHENTICATE completed"),
                c.send("a1 AUTHENTICATE PLAIN " + plain("", "alice", "secret")));
    }

    @Test
    void authenticatePlainWithContinuationRfc3501s6_2_2() {
        assertEquals(List.of("+ "), c.send("a1 AUTHENTICATE PLAIN"));
        assertEquals(List.of("a1 OK [CAPABILITY " + caps + "] AUTHENTICATE completed"),
                c.type(plain("alice", "alice", "secret") + "\r\n"));
        assertEquals("a2 OK [READ-WRITE] SELECT completed", ImapHarness.last(c.send("a2 SELECT INBOX")));
    }

    @Test
    void authenticateCancelledWithStarIsBad() {
        c.send("a1 AUTHENTICATE PLAIN");
        assertEquals(List.of("a1 BAD AUTHENTICATE cancelled"), c.send("*"));
        assertEquals(List.of("a2 BAD SELECT is not valid in not authenticated state"), c.send("a2 SELECT INBOX"));
    }

    @Test
    void authenticateFailures() {
        assertEquals(List.of("a1 NO [AUTHENTICATIONFAILED] Authentication failed"),
                c.send("a1 AUTHENTICATE PLAIN " + plain("", "alice", "nope")));
        assertEquals(List.of("a2 NO [AUTHORIZATIONFAILED] Proxy authorization is not permitted"),
                c.send("a2 AUTHENTICATE PLAIN " + plain("bob", "alice", "secret")));
        c.send("a3 AUTHENTICATE PLAIN");
        assertEquals(List.of("a3 BAD Invalid base64 in SASL response"), c.send("!!!"));
        assertEquals(List.of("a4 NO Unsupported authentication mechanism"), c.send("a4 AUTHENTICATE CRAM-MD5"));
    }

    @Test
    void startTlsIsRefusedAndNotAdvertised() {
        assertEquals(List.of("a1 NO STARTTLS is not available on this connection"), c.send("a1 STARTTLS"));
        assertTrue(!caps.contains("STARTTLS"));
    }

    @Test
    void capabilityListsEverySessionCapabilityRfc3501s6_1_1() {
        List<String> r = c.send("a1 CAPABILITY");
        assertEquals(List.of("* CAPABILITY " + caps, "a1 OK CAPABILITY completed"), r);
        for (String cap : List.of("IMAP4rev1", "LITERAL+", "SASL-IR", "AUTH=PLAIN", "ENABLE", "ID", "IDLE",
                "NAMESPACE", "UNSELECT", "UIDPLUS", "MOVE", "CHILDREN", "SPECIAL-USE", "LIST-EXTENDED", "LIST-STATUS",
                "CONDSTORE", "QRESYNC", "ESEARCH", "SEARCHRES", "SORT", "THREAD=ORDEREDSUBJECT", "THREAD=REFERENCES",
                "QUOTA", "QUOTA=RES-STORAGE", "QUOTA=RES-MESSAGE", "ACL", "RIGHTS=texk", "APPENDLIMIT=52428800",
                "STATUS=SIZE", "IMAP4rev2", "BINARY")) {
            assertTrue(c.session.capabilities().contains(cap), cap);
        }
        // Nothing this server does not implement: no TLS on this connection, plaintext LOGIN allowed, no UTF8=ACCEPT
        // (RFC 6855), no other SASL mechanism.
        for (String cap : List.of("STARTTLS", "LOGINDISABLED", "UTF8=ACCEPT", "AUTH=CRAM-MD5",
                "AUTH=LOGIN", "COMPRESS=DEFLATE", "NOTIFY", "METADATA")) {
            assertTrue(!c.session.capabilities().contains(cap), cap);
        }
    }
}
