package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operator log lines of an IMAP session, captured through java.util.logging, the default backend of
 * {@link System.Logger} in a plain JVM: one line per session event, with the remote IP and user, never a password
 * or literal content. Also the framing failures the reader reports (RFC 3501 §2.2).
 */
class ImapLoggingTest {

    private final Logger jul = Logger.getLogger("org.atrium.connector.imap");
    private final List<String> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String text = record.getMessage();
            if (record.getThrown() != null) {
                text += " " + record.getThrown();
            }
            lines.add(text);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private InMemoryMailStore store;
    private ImapHarness c;

    @BeforeEach
    void setUp() {
        jul.addHandler(capture);
        store = new InMemoryMailStore();
        store.addAccount("alice", "s3cr3t-pw");
        c = new ImapHarness(store);
        c.drain();
    }

    @AfterEach
    void tearDown() {
        jul.removeHandler(capture);
    }

    @Test
    void sessionEventsAreLoggedWithoutSecrets() {
        c.send("a1 LOGIN alice wrong-pw");
        c.send("a2 LOGIN alice s3cr3t-pw");
        c.type("a3 APPEND INBOX {26+}\r\nSubject: top-secret-body\r\n\r\n");
        c.send("a4 LOGOUT");
        String all = String.join("\n", lines);
        assertTrue(all.contains("imap session=s1 ip=192.0.2.7 tls=no connect"), all);
        assertTrue(all.contains("imap session=s1 ip=192.0.2.7 tls=no LOGIN failed user=\"alice\""), all);
        assertTrue(all.contains("imap session=s1 ip=192.0.2.7 tls=no LOGIN ok user=\"alice\""), all);
        assertTrue(all.contains("imap session=s1 ip=192.0.2.7 tls=no logout user=\"alice\""), all);
        assertFalse(all.contains("s3cr3t-pw") || all.contains("wrong-pw") || all.contains("top-secret"), all);
    }

    @Test
    void authenticateNeverLogsTheSaslResponse() {
        String ir = Base64.getEncoder().encodeToString("\0alice\0s3cr3t-pw".getBytes(StandardCharsets.UTF_8));
        c.send("a1 AUTHENTICATE PLAIN " + ir);
        String all = String.join("\n", lines);
        assertTrue(all.contains("AUTHENTICATE ok user=\"alice\""), all);
        assertFalse(all.contains(ir) || all.contains("s3cr3t-pw"), all);
    }

    @Test
    void processorFailureIsLoggedAndAnsweredNotFatal() {
        c.send("a1 LOGIN alice s3cr3t-pw");
        store.failure = new IllegalStateException("disk on fire");
        assertEquals(List.of("a2 NO [SERVERBUG] STATUS failed: internal server error"),
                c.send("a2 STATUS INBOX (MESSAGES)"));
        assertTrue(lines.stream().anyMatch(l -> l.contains("STATUS failed") && l.contains("disk on fire")));
        assertFalse(c.out.closed());
    }

    @Test
    void overlongLineIsFatalWithBye() {
        List<String> r = c.type("a1 NOOP " + "x".repeat(9000) + "\r\n");
        assertEquals(List.of("* BYE Command line too long"), r);
        assertTrue(c.out.closed());
        assertTrue(lines.stream().anyMatch(l -> l.contains("closing: Command line too long")));
    }

    @Test
    void invalidTagIsUntaggedBad() {
        assertEquals(List.of("* BAD Invalid tag"), c.send("+ NOOP"));
        assertEquals(List.of("a1 OK NOOP completed"), c.send("a1 NOOP"));
    }

    @Test
    void disconnectIsLogged() {
        c.session.onClose();
        assertTrue(lines.stream().anyMatch(l -> l.contains("disconnect in not authenticated state")));
    }
}
