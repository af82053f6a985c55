package org.atrium.connector.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DSN extension on the server (RFC 3461 §4): EHLO keyword, MAIL RET/ENVID, RCPT NOTIFY/ORCPT, the envelope. */
class SmtpDsnTest {

    @TempDir
    Path spool;

    private SmtpHarness greeted() {
        SmtpHarness h = new SmtpHarness(SmtpHarness.settings(spool));
        h.replies();
        h.send("EHLO client.test");
        assertTrue(h.replies().contains("250-DSN"), "RFC 3461 §4: the DSN keyword");
        return h;
    }

    private static void deliver(SmtpHarness h) {
        h.send("DATA");
        assertEquals("354 End data with <CR><LF>.<CR><LF>", h.reply());
        h.send("Subject: dsn", "", "body", ".");
        assertEquals("250 2.0.0 Ok: queued as Q1", h.reply());
    }

    @Test
    void parametersReachTheEnvelopeKeyedByCanonicalRecipient() {
        SmtpHarness h = greeted();
        h.send("MAIL FROM:<a@example.org> RET=hdrs ENVID=QQ314159+2Bx SIZE=10");
        assertEquals("250 2.1.0 Ok", h.reply());
        h.send("RCPT TO:<al@atrium.test> NOTIFY=success,failure ORCPT=rfc822;al+40atrium.test");
        assertEquals("250 2.1.5 Ok", h.reply());
        h.send("RCPT TO:<bob@atrium.test> NOTIFY=NEVER");
        assertEquals("250 2.1.5 Ok", h.reply());
        h.send("RCPT TO:<postmaster>");
        assertEquals("250 2.1.5 Ok", h.reply());
        deliver(h);
        InboundEnvelope e = h.intake.accepted.get(0).envelope();
        assertEquals("HDRS", e.ret());
        assertEquals("QQ314159+2Bx", e.envid(), "ENVID is kept as xtext");
        assertEquals(Map.of("alice@atrium.test", new RecipientDsn("SUCCESS,FAILURE", "rfc822;al+40atrium.test"),
                "bob@atrium.test", new RecipientDsn("NEVER", null)), e.recipientDsn(),
                "keyed by the canonical address; a recipient without parameters has no entry");
    }

    @Test
    void withoutParametersTheEnvelopeHasNone() {
        SmtpHarness h = greeted();
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>");
        h.replies();
        deliver(h);
        InboundEnvelope e = h.intake.accepted.get(0).envelope();
        assertNull(e.ret());
        assertNull(e.envid());
        assertTrue(e.recipientDsn().isEmpty());
    }

    @Test
    void badOrRepeatedMailParameters() {
        SmtpHarness h = greeted();
        String envid101 = "x".repeat(101);
        for (String bad : new String[] {"RET=FULL RET=HDRS", "RET=ALL", "RET", "ENVID=a=b", "ENVID=a+4g", "ENVID=a+",
                "ENVID=", "ENVID=a ENVID=b", "ENVID=" + envid101, "ENVID=ab+2bc"}) {
            h.send("MAIL FROM:<a@example.org> " + bad);
            String reply = h.reply();
            assertTrue(reply.startsWith("501 5.5.4 Bad "), bad + " -> " + reply);
        }
        h.send("MAIL FROM:<a@example.org> ENVID=" + "x".repeat(100) + " RET=FULL");
        assertEquals("250 2.1.0 Ok", h.reply(), "100 characters are allowed (RFC 3461 §4.4)");
        assertTrue(h.intake.accepted.isEmpty());
    }

    @Test
    void badOrRepeatedRcptParameters() {
        SmtpHarness h = greeted();
        h.send("MAIL FROM:<a@example.org>");
        h.replies();
        for (String bad : new String[] {"NOTIFY=NEVER,SUCCESS", "NOTIFY=FOO", "NOTIFY=", "NOTIFY",
                "NOTIFY=SUCCESS,SUCCESS", "NOTIFY=SUCCESS,", "NOTIFY=DELAY NOTIFY=FAILURE", "ORCPT=alice@atrium.test",
                "ORCPT=;a", "ORCPT=rfc822;", "ORCPT=rfc822;a=b", "ORCPT=rfc8@22;a", "ORCPT=rfc822;a ORCPT=rfc822;b"}) {
            h.send("RCPT TO:<alice@atrium.test> " + bad);
            String reply = h.reply();
            assertTrue(reply.startsWith("501 5.5.4 Bad "), bad + " -> " + reply);
        }
        h.send("RCPT TO:<alice@atrium.test> XDSN=1");
        assertEquals("555 5.5.4 Unsupported RCPT parameter", h.reply(), "unknown parameters keep their answer");
        h.send("RCPT TO:<alice@atrium.test> NOTIFY=delay");
        assertEquals("250 2.1.5 Ok", h.reply());
    }

    @Test
    void parametersNeedEhlo() {
        SmtpHarness h = new SmtpHarness(SmtpHarness.settings(spool));
        h.replies();
        h.send("HELO old.client", "MAIL FROM:<a@example.org> RET=FULL", "MAIL FROM:<a@example.org>",
                "RCPT TO:<alice@atrium.test> NOTIFY=NEVER");
        assertEquals(java.util.List.of("250 mx.atrium.test", "555 5.5.4 MAIL parameters require EHLO",
                "250 2.1.0 Ok", "555 5.5.4 RCPT parameters require EHLO"), h.replies());
    }

    @Test
    void xtext() {
        assertTrue(Xtext.valid("abc+2B+3D!~"));
        assertEquals("abc+=!~", Xtext.decode("abc+2B+3D!~"));
        assertFalse(Xtext.valid("a b"));
        assertFalse(Xtext.valid("a+2b"), "hex digits are upper case (RFC 3461 §4)");
        assertFalse(Xtext.valid("a+"));
        assertFalse(Xtext.valid("é"));
        assertFalse(Xtext.valid(""));
    }
}
