package org.atrium.connector.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transcript tests: a session driven through real line framing against a fake store. */
class SmtpSessionTest {

    private static final String RECEIVED_ONE = "Received: from client.test ([192.0.2.1])\r\n"
            + "\tby mx.atrium.test (Atrium) with ESMTP id s1.1\r\n"
            + "\tfor <alice@atrium.test>;\r\n"
            + "\tTue, 2 Jan 2024 03:04:05 +0000\r\n";

    @TempDir
    Path spool;

    private SmtpHarness harness() {
        return new SmtpHarness(SmtpHarness.settings(spool));
    }

    private SmtpHarness greeted() {
        SmtpHarness h = harness();
        h.send("EHLO client.test");
        h.replies();
        return h;
    }

    @Test
    void wholeEhloSession() {
        SmtpHarness h = harness();
        assertEquals("220 mx.atrium.test ESMTP Atrium", h.reply());
        h.send("EHLO client.test");
        assertEquals(List.of("250-mx.atrium.test", "250-SIZE 52428800", "250-8BITMIME", "250-PIPELINING",
                "250-ENHANCEDSTATUSCODES", "250-DSN", "250 HELP"), h.replies());
        h.send("MAIL FROM:<sender@example.org> SIZE=100 BODY=8BITMIME");
        assertEquals("250 2.1.0 Ok", h.reply());
        h.send("RCPT TO:<alice@atrium.test>");
        assertEquals("250 2.1.5 Ok", h.reply());
        h.send("DATA");
        assertEquals("354 End data with <CR><LF>.<CR><LF>", h.reply());
        h.send("Subject: hi", "", "..leading dot", "...", "text");
        assertTrue(h.replies().isEmpty(), "no reply inside DATA");
        h.send(".");
        assertEquals("250 2.0.0 Ok: queued as Q1", h.reply());
        h.send("QUIT");
        assertEquals("221 2.0.0 Bye", h.reply());
        assertTrue(h.output.closed());
        assertTrue(h.output.allFlushed());

        FakeIntake.Accepted a = h.intake.accepted.get(0);
        assertEquals("Return-Path: <sender@example.org>\r\n" + RECEIVED_ONE
                + "Subject: hi\r\n\r\n.leading dot\r\n..\r\ntext\r\n", a.text());
        assertEquals(a.content().length, a.size());
        assertTrue(h.intake.reopenConsistent);
        InboundEnvelope e = a.envelope();
        assertEquals("client.test", e.heloName());
        assertEquals("192.0.2.1", e.clientIp());
        assertEquals("sender@example.org", e.reversePath());
        assertEquals(List.of("alice@atrium.test"), e.recipients());
        assertTrue(e.eightBitMime());
        assertEquals(null, e.authenticatedUser());
        assertEquals(SmtpHarness.NOW, e.receivedAt());
        assertEquals("s1", e.sessionId());
    }

    @Test
    void wholeHeloSessionWithoutExtensions() {
        SmtpHarness h = harness();
        h.replies();
        h.send("HELO old.client");
        assertEquals("250 mx.atrium.test", h.reply());
        h.send("MAIL FROM:<a@example.org> SIZE=10");
        assertEquals("555 5.5.4 MAIL parameters require EHLO", h.reply());
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<bob@atrium.test>", "RCPT TO:<alice@atrium.test>", "DATA",
                "x", ".", "QUIT");
        assertEquals(List.of("250 2.1.0 Ok", "250 2.1.5 Ok", "250 2.1.5 Ok", "354 End data with <CR><LF>.<CR><LF>",
                "250 2.0.0 Ok: queued as Q1", "221 2.0.0 Bye"), h.replies());
        assertEquals("Return-Path: <a@example.org>\r\n"
                + "Received: from old.client ([192.0.2.1])\r\n"
                + "\tby mx.atrium.test (Atrium) with SMTP id s1.1;\r\n"
                + "\tTue, 2 Jan 2024 03:04:05 +0000\r\n"
                + "x\r\n", h.intake.accepted.get(0).text(), "two recipients: no 'for' clause");
        assertEquals(List.of("bob@atrium.test", "alice@atrium.test"), h.intake.accepted.get(0).envelope().recipients());
        assertFalse(h.intake.accepted.get(0).envelope().eightBitMime());
    }

    @Test
    void pipelinedTransactionInOneWrite() {
        SmtpHarness h = greeted();
        h.raw("MAIL FROM:<>\r\nRCPT TO:<al@atrium.test>\r\nRCPT TO:<alice@atrium.test>\r\nRCPT TO:<nobody@atrium.test>"
                + "\r\nDATA\r\nSubject: bounce\r\n\r\nbody\r\n.\r\nMAIL FROM:<x@example.org>\r\nRSET\r\nQUIT\r\n");
        assertEquals(List.of("250 2.1.0 Ok", "250 2.1.5 Ok", "250 2.1.5 Ok",
                "550 5.1.1 <nobody@atrium.test>: Recipient address rejected: User unknown",
                "354 End data with <CR><LF>.<CR><LF>", "250 2.0.0 Ok: queued as Q1", "250 2.1.0 Ok", "250 2.0.0 Ok",
                "221 2.0.0 Bye"), h.replies());
        InboundEnvelope e = h.intake.accepted.get(0).envelope();
        assertEquals("", e.reversePath(), "null reverse path");
        assertEquals(List.of("alice@atrium.test"), e.recipients(), "alias and address collapse");
        assertTrue(h.intake.accepted.get(0).text().startsWith("Return-Path: <>\r\n"));
        assertTrue(h.intake.accepted.get(0).text().contains("\tfor <al@atrium.test>;"),
                "for names the address the client gave");
        assertTrue(h.output.flushes() >= 9, "one flush per reply");
    }

    @Test
    void commandsFedOneByteAtATimeThroughFraming() {
        SmtpHarness h = harness();
        h.replies();
        h.rawByteByByte("EHLO client.test\r\nMAIL FROM:<sender@example.org>\r\nRCPT TO:<alice@atrium.test>\r\n"
                + "DATA\r\nSubject: slow\r\n\r\n..x\r\n.\r\nQUIT\r\n");
        List<String> r = h.replies();
        assertEquals("250 2.0.0 Ok: queued as Q1", r.get(r.size() - 2));
        assertEquals("Return-Path: <sender@example.org>\r\n" + RECEIVED_ONE + "Subject: slow\r\n\r\n.x\r\n",
                h.intake.accepted.get(0).text());
    }

    @Test
    void mailEnabledFolderRefusalsAreTheirOwnReplies() {
        SmtpHarness h = greeted();
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<folder@atrium.test>", "RCPT TO:<full@atrium.test>",
                "RCPT TO:<bob@atrium.test>");
        assertEquals(List.of("250 2.1.0 Ok",
                "550 5.7.1 <folder@atrium.test>: Not permitted to post to this folder",
                "552 5.2.2 <full@atrium.test>: Mailbox full",
                "250 2.1.5 Ok"), h.replies());
        assertEquals(List.of("null", "null", "null"), h.intake.checkedAs, "checked as the unauthenticated sender");
    }

    @Test
    void disabledMailboxIs550521AndTheTransactionGoesOn() {
        SmtpHarness h = greeted();
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<gone@atrium.test>", "RCPT TO:<bob@atrium.test>");
        assertEquals(List.of("250 2.1.0 Ok",
                "550 5.2.1 <gone@atrium.test>: Mailbox disabled",
                "250 2.1.5 Ok"), h.replies());
    }

    @Test
    void unknownUserRelayDeniedTemporaryAndPostmaster() {
        SmtpHarness h = greeted();
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<ghost@atrium.test>", "RCPT TO:<someone@elsewhere.example>",
                "RCPT TO:<slow@atrium.test>", "RCPT TO:<Postmaster>", "DATA");
        assertEquals(List.of("250 2.1.0 Ok",
                "550 5.1.1 <ghost@atrium.test>: Recipient address rejected: User unknown",
                "550 5.7.1 <someone@elsewhere.example>: Relaying denied",
                "451 4.3.0 <slow@atrium.test>: Temporary lookup failure, try again later",
                "250 2.1.5 Ok", "354 End data with <CR><LF>.<CR><LF>"), h.replies());
        assertEquals("postmaster", h.intake.checked.get(3));
    }

    @Test
    void dataWithoutValidRecipientsIsOutOfSequence() {
        SmtpHarness h = greeted();
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<ghost@atrium.test>", "DATA", "RSET", "DATA");
        List<String> r = h.replies();
        assertEquals("503 5.5.1 Error: no valid recipients", r.get(2));
        assertEquals("503 5.5.1 Error: need RCPT command", r.get(4));
    }

    @Test
    void tooManyRecipientsAt100() {
        SmtpHarness h = greeted();
        h.intake.users.clear();
        h.send("MAIL FROM:<a@example.org>");
        h.replies();
        for (int i = 0; i < 100; i++) {
            h.intake.users.put("u" + i + "@atrium.test", "u" + i + "@atrium.test");
            h.send("RCPT TO:<u" + i + "@atrium.test>");
            assertEquals("250 2.1.5 Ok", h.reply());
        }
        h.intake.users.put("u100@atrium.test", "u100@atrium.test");
        h.send("RCPT TO:<u100@atrium.test>");
        assertEquals("452 4.5.3 Error: too many recipients", h.reply());
        h.send("DATA", "x", ".");
        assertEquals("250 2.0.0 Ok: queued as Q1", h.replies().get(1));
        assertEquals(100, h.intake.accepted.get(0).envelope().recipients().size());
    }

    @Test
    void declaredSizeOverLimitIsRefused() {
        SmtpHarness h = greeted();
        h.send("MAIL FROM:<a@example.org> SIZE=52428801");
        assertEquals("552 5.3.4 Message size exceeds fixed maximum message size", h.reply());
        h.send("MAIL FROM:<a@example.org> SIZE=99999999999999999999");
        assertEquals("552 5.3.4 Message size exceeds fixed maximum message size", h.reply());
        h.send("MAIL FROM:<a@example.org> SIZE=52428800");
        assertEquals("250 2.1.0 Ok", h.reply());
    }

    @Test
    void oversizeDataIsReadToTheEndThenRefused() {
        SmtpHarness h = new SmtpHarness(SmtpHarness.settings(spool).withMaxMessageSize(10));
        h.send("EHLO c.test", "MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA");
        h.replies();
        h.send("0123456789", "more", ".");
        assertEquals("552 5.3.4 Message size exceeds fixed maximum message size", h.reply());
        assertTrue(h.intake.accepted.isEmpty());
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA", "12345678", ".");
        assertEquals("250 2.0.0 Ok: queued as Q1", h.replies().get(3), "exactly the limit (8 + CRLF = 10) fits");
    }

    @Test
    void overLongCommandLine() {
        SmtpHarness h = greeted();
        h.send("NOOP " + "x".repeat(505));
        assertEquals("250 2.0.0 Ok", h.reply(), "510 octets before CR LF is the limit");
        h.send("NOOP " + "x".repeat(506));
        assertEquals("500 5.5.2 Line too long", h.reply());
        h.send("NOOP");
        assertEquals("250 2.0.0 Ok", h.reply(), "framing recovers after the long line");
    }

    @Test
    void overLongTextLineIsRefusedAtTheEnd() {
        SmtpHarness h = greeted();
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA");
        h.replies();
        h.send("x".repeat(32766), "y".repeat(32767), ".", "", ".");
        assertEquals("554 5.6.0 Message refused: line longer than 32768 octets", h.reply(),
                "the '.' right after the long line does not end the data; the next one does");
        assertTrue(h.intake.accepted.isEmpty());
        h.send("NOOP");
        assertEquals("250 2.0.0 Ok", h.reply(), "command limit restored");
    }

    @Test
    void smugglingSequencesDoNotEndDataAndAreRefused() {
        for (String attack : List.of("\n.\n", "\r.\r\n", "\n.\r\n", "\r\n.\r\r\n")) {
            SmtpHarness h = greeted();
            h.send("MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA");
            h.replies();
            h.raw("Subject: one\r\n\r\nbody" + attack + "MAIL FROM:<admin@atrium.test>\r\nRCPT TO:<bob@atrium.test>"
                    + "\r\nDATA\r\nsmuggled\r\n");
            assertEquals(List.of(), h.replies(), "still in DATA after " + attack.replace("\r", "CR").replace("\n", "LF"));
            h.raw(".\r\n");
            assertEquals("554 5.6.0 Message refused: bare CR or LF in content (RFC 5321 2.3.8)", h.reply());
            assertTrue(h.intake.accepted.isEmpty());
            assertTrue(h.intake.checked.equals(List.of("alice@atrium.test")), "smuggled RCPT never reached the store");
        }
    }

    @Test
    void bareLfMessageRefusedButSessionGoesOn() {
        SmtpHarness h = greeted();
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA", "good", ".");
        assertEquals("250 2.0.0 Ok: queued as Q1", h.replies().get(3));
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA");
        h.replies();
        h.raw("line one\nline two\r\n.\r\n");
        assertEquals("554 5.6.0 Message refused: bare CR or LF in content (RFC 5321 2.3.8)", h.reply());
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<bob@atrium.test>", "DATA", "third", ".");
        assertEquals("250 2.0.0 Ok: queued as Q2", h.replies().get(3));
        assertEquals(2, h.intake.accepted.size());
        assertTrue(h.intake.accepted.get(0).text().endsWith("good\r\n"), "earlier message untouched");
        assertTrue(h.intake.accepted.get(1).text().contains("with ESMTP id s1.3\r\n"));
        assertTrue(h.intake.accepted.get(1).text().endsWith("\r\nthird\r\n"));
    }

    @Test
    void intakeFailures() {
        SmtpHarness h = greeted();
        h.intake.failNext = new IntakeException("db down", true, null);
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA", "x", ".");
        assertEquals("451 4.3.0 Error: temporary failure, try again later", h.replies().get(3));
        h.intake.failNext = new IntakeException("policy", false, null);
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA", "x", ".");
        assertEquals("554 5.3.0 Error: message refused", h.replies().get(3));
        h.intake.failNext = new IllegalStateException("bug");
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA", "x", ".");
        assertEquals("451 4.3.0 Error: temporary failure, try again later", h.replies().get(3));
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA", "x", ".");
        assertEquals("250 2.0.0 Ok: queued as Q1", h.replies().get(3));
        assertFalse(h.output.closed());
    }

    @Test
    void idleTimeout() {
        SmtpHarness h = greeted();
        assertEquals(300, h.session.idleTimeoutSeconds());
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA", "partial");
        h.replies();
        h.session.onIdle();
        assertEquals("421 4.4.2 mx.atrium.test Error: timeout exceeded", h.reply());
        assertTrue(h.output.closed());
        h.session.onClose();
        h.send(".");
        assertTrue(h.intake.accepted.isEmpty(), "a timed-out message is never delivered");
    }

    @Test
    void badCommandLimitCloses() {
        SmtpHarness h = new SmtpHarness(SmtpHarness.settings(spool).withMaxBadCommands(3));
        h.replies();
        h.send("FOO", "MAIL FROM:<a@example.org>", "EHLO");
        assertEquals(List.of("500 5.5.1 Command unrecognized", "503 5.5.1 Error: send HELO/EHLO first",
                "501 5.5.4 Syntax: EHLO hostname"), h.replies());
        h.send("EXPN x", "NOOP");
        assertEquals(2, h.replies().size(), "502 and 250 do not count");
        h.send("BAR");
        assertEquals("421 4.7.0 mx.atrium.test Error: too many errors, closing connection", h.reply());
        assertTrue(h.output.closed());
        h.send("NOOP");
        assertTrue(h.replies().isEmpty());
    }

    @Test
    void syntaxErrors() {
        SmtpHarness h = greeted();
        h.send("MAIL TO:<a@example.org>", "MAIL FROM:a@example.org", "MAIL FROM:<a@@example.org>",
                "MAIL FROM:<a@example.org> FOO=1", "MAIL FROM:<a@example.org> BODY=BINARYMIME",
                "MAIL FROM: <a@example.org>", "RCPT TO:<>", "RCPT TO:<bob>", "RCPT TO:<bob@atrium.test> XFOO=1",
                "RCPT TO: <bob@atrium.test>", "DATA now", "RSET now", "VRFY", "rset", "mail from:<x@y.example>");
        assertEquals(List.of("501 5.5.4 Syntax: MAIL FROM:<address>", "501 5.1.7 Bad sender address syntax",
                "501 5.1.7 Bad sender address syntax", "555 5.5.4 Unsupported parameter FOO",
                "501 5.5.4 Unsupported BODY type", "250 2.1.0 Ok", "501 5.1.3 Bad recipient address syntax",
                "501 5.1.3 Bad recipient address syntax", "555 5.5.4 Unsupported RCPT parameter", "250 2.1.5 Ok",
                "501 5.5.4 Syntax: DATA", "501 5.5.4 Syntax: RSET", "501 5.5.4 Syntax: VRFY address",
                "250 2.0.0 Ok", "250 2.1.0 Ok"), h.replies(), "verbs are case-insensitive");
    }

    @Test
    void ehloResetsTransactionAndHelpNoopVrfyExpn() {
        SmtpHarness h = greeted();
        h.send("MAIL FROM:<a@example.org>", "EHLO again.test", "RCPT TO:<alice@atrium.test>");
        List<String> r = h.replies();
        assertEquals("503 5.5.1 Error: need MAIL command", r.get(r.size() - 1));
        h.send("HELP", "NOOP hello", "VRFY alice", "EXPN staff");
        assertEquals(List.of("214 2.0.0 Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT HELP VRFY; see RFC 5321",
                "250 2.0.0 Ok", "252 2.5.0 Cannot VRFY user, but will accept message and attempt delivery",
                "502 5.5.1 EXPN disabled by policy"), h.replies());
    }

    @Test
    void vrfyWhenEnabled() {
        SmtpHarness h = new SmtpHarness(SmtpHarness.settings(spool).withVrfyEnabled(true));
        h.send("EHLO c.test");
        assertTrue(h.replies().contains("250-VRFY"));
        h.send("VRFY <al@atrium.test>", "VRFY ghost@atrium.test", "VRFY x@remote.example", "VRFY Smith");
        assertEquals(List.of("250 2.1.5 <alice@atrium.test>", "550 5.1.1 <ghost@atrium.test>: User unknown",
                "252 2.5.0 Cannot VRFY user, but will accept message and attempt delivery",
                "252 2.5.0 Cannot VRFY user, but will accept message and attempt delivery"), h.replies());
    }

    @Test
    void bigMessageSpillsToDiskAndIsDeletedAfter() throws Exception {
        SmtpHarness h = new SmtpHarness(SmtpHarness.settings(spool).withMemoryThreshold(1024));
        h.send("EHLO c.test", "MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA");
        String line = "z".repeat(98);
        for (int i = 0; i < 100; i++) {
            h.send(line);
        }
        try (Stream<Path> files = Files.list(spool)) {
            assertEquals(1, files.count(), "content spilled to the spool directory");
        }
        h.send(".");
        List<String> r = h.replies();
        assertEquals("250 2.0.0 Ok: queued as Q1", r.get(r.size() - 1));
        FakeIntake.Accepted a = h.intake.accepted.get(0);
        assertTrue(a.text().endsWith((line + "\r\n").repeat(100)));
        assertTrue(h.intake.reopenConsistent);
        try (Stream<Path> files = Files.list(spool)) {
            assertEquals(0, files.count(), "spool file deleted after the intake took it");
        }
    }

    @Test
    void disconnectInDataReleasesSpoolFile() throws Exception {
        SmtpHarness h = new SmtpHarness(SmtpHarness.settings(spool).withMemoryThreshold(0));
        h.send("EHLO c.test", "MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA", "partial");
        try (Stream<Path> files = Files.list(spool)) {
            assertEquals(1, files.count());
        }
        h.session.onClose();
        try (Stream<Path> files = Files.list(spool)) {
            assertEquals(0, files.count());
        }
        assertTrue(h.intake.accepted.isEmpty());
    }

    @Test
    void bareCrInCommandAndLineLimits() {
        SmtpHarness h = greeted();
        h.raw("NOOP\rMAIL FROM:<a@example.org>\r\n");
        assertEquals("501 5.5.2 Bare CR in command line", h.reply());
        assertEquals(510, h.session.maxLineLength());
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA");
        assertEquals(32766, h.session.maxLineLength());
    }
}
