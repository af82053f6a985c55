package org.atrium.connector.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operators' log: one line per event with session id and IP; never content. Uses the default JUL backend. */
class SmtpLoggingTest {

    private final List<String> lines = new ArrayList<>();
    private final Logger jul = Logger.getLogger("org.atrium.connector.smtp");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @TempDir
    Path spool;

    @BeforeEach
    void attach() {
        jul.addHandler(handler);
    }

    @AfterEach
    void detach() {
        jul.removeHandler(handler);
    }

    @Test
    void sessionEventsAreLoggedWithoutContent() {
        SmtpHarness h = new SmtpHarness(SmtpHarness.settings(spool));
        h.send("EHLO c.test", "MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "RCPT TO:<x@remote.example>",
                "DATA", "Subject: secret subject", "", "secret body", ".");
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA");
        h.raw("secret\n.\r\n.\r\n");
        h.send("QUIT");
        h.session.onClose();
        h.session.onClose();
        List<String> events = lines.stream().map(l -> l.replaceAll(".* event=([a-z-]+).*", "$1")).toList();
        assertEquals(List.of("connect", "rcpt-refused", "message-accepted", "transaction-refused", "disconnect"),
                events);
        assertTrue(lines.stream().allMatch(l -> l.startsWith("smtp session=s1 ip=192.0.2.1 tls=no event=")), lines::toString);
        assertTrue(lines.get(2).contains("queue-id=Q1") && lines.get(2).contains("rcpts=1"), lines.get(2));
        assertTrue(lines.get(3).contains("reason=bare-cr-or-lf"), lines.get(3));
        assertFalse(lines.stream().anyMatch(l -> l.contains("secret")), "content never logged");
    }

    @Test
    void ipv6AddressLiteralInReceived() {
        assertEquals("IPv6:2001:db8:0:0:0:0:0:1", TraceHeaders.addressLiteral("2001:db8:0:0:0:0:0:1%eth0"));
        assertEquals("IPv6:2001:db8::1", TraceHeaders.addressLiteral("IPv6:2001:db8::1"));
        assertEquals("192.0.2.1", TraceHeaders.addressLiteral("192.0.2.1"));
        String h = new String(TraceHeaders.render("c", "::1", "mx", "ESMTPSA", "s.1", null, "",
                ZonedDateTime.of(2024, 12, 25, 23, 0, 0, 0, ZoneOffset.ofHours(1))), java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("Return-Path: <>\r\nReceived: from c ([IPv6:::1])\r\n\tby mx (Atrium) with ESMTPSA id s.1;\r\n"
                + "\tWed, 25 Dec 2024 23:00:00 +0100\r\n", h);
    }
}
