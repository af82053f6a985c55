package org.atrium.connector.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.atrium.connector.net.Line;
import org.atrium.connector.net.LogValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Store failures while reading messages, and the operator log. The log is read through java.util.logging, the
 * default backend of {@link System.Logger} in a plain JVM.
 */
class Pop3FailureAndLoggingTest {

    private static final String MSG = "Subject: x\r\n\r\n" + "line\r\n".repeat(5000);

    private final FakeMaildropPort port = new FakeMaildropPort();
    private final Logger jul = Logger.getLogger("org.atrium.connector.pop3");
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private FakeMaildrop alice;

    @BeforeEach
    void setUp() {
        jul.addHandler(capture);
        alice = port.addAccount("alice", "s3cr3t-pw").add("u1", MSG);
    }

    @AfterEach
    void tearDown() {
        jul.removeHandler(capture);
    }

    @Test
    void unreadableMessageAnswersSysTempAndTheSessionGoesOn() {
        Pop3Harness c = new Pop3Harness(port);
        c.login("alice", "s3cr3t-pw");
        alice.openFailure = new IOException("blob missing");
        assertEquals(List.of("-ERR [SYS/TEMP] message temporarily unavailable"), c.send("RETR 1"));
        alice.openFailure = null;
        assertEquals(List.of("+OK"), c.send("NOOP"));
    }

    @Test
    void failureMidMessageClosesTheConnectionWithoutExpunging() {
        FakeMaildrop bob = port.addAccount("bob", "pw").add("b1", MSG).add("b2", MSG.length(), () -> new InputStream() {
            private final InputStream head = new ByteArrayInputStream(MSG.substring(0, 100).getBytes(StandardCharsets.US_ASCII));

            @Override
            public int read() throws IOException {
                int b = head.read();
                if (b < 0) {
                    throw new IOException("connection to blob store reset");
                }
                return b;
            }
        });
        Pop3Harness c = new Pop3Harness(port);
        c.login("bob", "pw");
        c.send("DELE 1");
        c.out.drainLines();
        c.session.onLine(new Line("RETR 2".getBytes(StandardCharsets.US_ASCII), Line.Ending.CRLF));
        assertTrue(c.out.closed(), "a truncated multi-line reply cannot be repaired in the protocol");
        assertTrue(c.out.wire().endsWith("Subject: x\r\n\r\n" + MSG.substring(14, 100)), "only the bytes read were sent");
        c.session.onClose();
        assertTrue(bob.expunged.isEmpty(), "not a QUIT: nothing removed");
        assertEquals(1, bob.closes);
    }

    @Test
    void eventsAreLoggedWithSessionAndIpButNeverThePassword() {
        Pop3Harness c = new Pop3Harness(port);
        c.login("alice", "wrong-pw-123");
        c.login("alice", "s3cr3t-pw");
        Pop3Harness busy = new Pop3Harness(port);
        busy.login("alice", "s3cr3t-pw");
        busy.session.onClose();
        c.send("DELE 1");
        c.send("QUIT");
        Pop3Harness idle = new Pop3Harness(port);
        idle.session.onIdle();

        String all = String.join("\n", logged);
        assertTrue(logged.stream().allMatch(l -> l.startsWith("pop3 session=s42 ip=192.0.2.7 tls=no ")), all);
        for (String event : List.of("connect", "login failed user=\"alice\"", "login ok user=\"alice\"",
                "maildrop busy account=\"alice\"", "quit deleted=1", "disconnect without QUIT", "timeout")) {
            assertTrue(all.contains(event), event + " in\n" + all);
        }
        assertFalse(all.contains("wrong-pw-123"), all);
        assertFalse(all.contains("s3cr3t-pw"), all);
    }

    @Test
    void userNamesAreNeutralisedInTheLog() {
        assertEquals("\"a?b?c\"", LogValues.loggable("a\rb\"c"));
        assertEquals("\"" + "x".repeat(64) + "...\"", LogValues.loggable("x".repeat(100)));
    }
}
