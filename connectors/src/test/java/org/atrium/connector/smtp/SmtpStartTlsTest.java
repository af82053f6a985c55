package org.atrium.connector.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS (RFC 3207): when it is offered, its replies, and what the session forgets at the switch (§4.2). */
class SmtpStartTlsTest {

    @TempDir
    Path spool;

    private SmtpHarness tls() {
        SmtpHarness h = new SmtpHarness(SmtpHarness.settings(spool), true);
        h.replies();
        return h;
    }

    @Test
    void offeredInEhloBeforeTlsOnly() {
        SmtpHarness h = tls();
        h.send("EHLO client.test");
        assertEquals(List.of("250-mx.atrium.test", "250-SIZE 52428800", "250-8BITMIME", "250-PIPELINING",
                "250-ENHANCEDSTATUSCODES", "250-DSN", "250-STARTTLS", "250 HELP"), h.replies());
        h.send("STARTTLS");
        assertEquals("220 2.0.0 Ready to start TLS", h.reply());
        assertEquals(1, h.output.tlsSwitches());
        h.send("EHLO client.test");
        List<String> ehlo = h.replies();
        assertFalse(ehlo.contains("250-STARTTLS"), ehlo.toString());
        assertEquals("250 HELP", ehlo.get(ehlo.size() - 1));
    }

    @Test
    void notOfferedWithoutTlsOnTheListener() {
        SmtpHarness h = new SmtpHarness(SmtpHarness.settings(spool));
        h.replies();
        h.send("EHLO client.test");
        assertFalse(h.replies().contains("250-STARTTLS"));
        h.send("STARTTLS");
        assertEquals("502 5.5.1 Error: STARTTLS not available", h.reply());
    }

    @Test
    void afterTlsEhloIsRequiredAgainAndNoStateIsKeptRfc3207s4_2() {
        SmtpHarness h = tls();
        h.send("EHLO client.test", "STARTTLS");
        h.replies();
        assertEquals(SmtpState.CONNECTED, h.session.state());
        assertEquals(null, h.session.heloName());
        assertFalse(h.session.esmtp());
        h.send("MAIL FROM:<a@example.org>");
        assertEquals("503 5.5.1 Error: send HELO/EHLO first", h.reply());
        h.send("STARTTLS");
        assertEquals("503 5.5.1 Error: send EHLO first", h.reply());
        h.send("EHLO again.test");
        h.replies();
        h.send("STARTTLS");
        assertEquals("503 5.5.1 Error: TLS already active", h.reply());
        assertEquals(1, h.output.tlsSwitches());
    }

    @Test
    void parametersAndWrongStatesAreRefused() {
        SmtpHarness h = tls();
        h.send("STARTTLS");
        assertEquals("503 5.5.1 Error: send EHLO first", h.reply());
        h.send("EHLO client.test", "STARTTLS now");
        h.replies();
        h.send("STARTTLS now");
        assertEquals("501 5.5.4 Syntax: STARTTLS", h.reply());
        h.send("MAIL FROM:<a@example.org>");
        h.replies();
        h.send("STARTTLS");
        assertEquals("503 5.5.1 Error: MAIL transaction in progress", h.reply());
        assertEquals(0, h.output.tlsSwitches());
    }

    /** RFC 3848 §2: ESMTPS in the Received header once the message came in under TLS. */
    @Test
    void receivedSaysEsmtpsUnderTls() {
        SmtpHarness h = tls();
        h.send("EHLO client.test", "STARTTLS");
        h.replies();
        h.send("EHLO client.test", "MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA",
                "Subject: s", "", "x", ".");
        List<String> r = h.replies();
        assertTrue(r.get(r.size() - 1).startsWith("250 2.0.0 Ok: queued"), r.toString());
        assertTrue(h.intake.accepted.get(0).text().contains("with ESMTPS id s1.1\r\n"),
                h.intake.accepted.get(0).text());
    }
}
