package org.atrium.connector.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The submission mode (RFC 6409): AUTH PLAIN (RFC 4616) and LOGIN (RFC 4954), when AUTH is offered, its failures,
 * 530 before AUTH, and the 553 sender rules at MAIL FROM and after DATA, against {@link FakeIntake}.
 */
class SmtpSubmissionTest {

    private static final byte[] REMOTE = {(byte) 192, 0, 2, 1};
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    @TempDir
    Path spool;

    private SmtpHarness secure() {
        SmtpHarness h = new SmtpHarness(SmtpHarness.settings(spool), true, true, true, REMOTE, false);
        h.replies();
        return h;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private SmtpHarness signedIn() {
        SmtpHarness h = secure();
        h.send("EHLO client.test");
        h.replies();
        h.send("AUTH PLAIN " + b64("\0alice@atrium.test\0secret"));
        assertEquals("235 2.7.0 Authentication successful", h.reply());
        return h;
    }

    @Test
    void authAdvertisedUnderTlsOnly() {
        SmtpHarness h = secure();
        h.send("EHLO client.test");
        List<String> ehlo = h.replies();
        assertTrue(ehlo.contains("250-AUTH PLAIN LOGIN"), ehlo.toString());
        assertFalse(ehlo.contains("250-STARTTLS"), ehlo.toString());

        SmtpHarness plain = new SmtpHarness(SmtpHarness.settings(spool), true, true, false, REMOTE, false);
        plain.replies();
        plain.send("EHLO client.test");
        List<String> before = plain.replies();
        assertTrue(before.contains("250-STARTTLS"), before.toString());
        assertFalse(before.stream().anyMatch(l -> l.contains("AUTH")), before.toString());
        plain.send("AUTH PLAIN " + b64("\0alice@atrium.test\0secret"));
        assertEquals("538 5.7.11 Encryption required for requested authentication mechanism", plain.reply());
        assertTrue(plain.intake.authTried.isEmpty(), "credentials sent in clear are not even checked");

        plain.send("STARTTLS");
        assertEquals("220 2.0.0 Ready to start TLS", plain.reply());
        plain.send("EHLO client.test");
        assertTrue(plain.replies().contains("250-AUTH PLAIN LOGIN"));
        plain.send("AUTH PLAIN " + b64("\0alice@atrium.test\0secret"));
        assertEquals("235 2.7.0 Authentication successful", plain.reply());
    }

    @Test
    void plaintextAuthOnLoopbackOnlyWhenTheAdministratorAllowsIt() {
        SmtpHarness allowed = new SmtpHarness(SmtpHarness.settings(spool), false, true, false, LOOPBACK, true);
        allowed.replies();
        allowed.send("EHLO client.test");
        assertTrue(allowed.replies().contains("250-AUTH PLAIN LOGIN"));
        allowed.send("AUTH PLAIN " + b64("\0alice@atrium.test\0secret"));
        assertEquals("235 2.7.0 Authentication successful", allowed.reply());

        SmtpHarness remote = new SmtpHarness(SmtpHarness.settings(spool), false, true, false, REMOTE, true);
        remote.replies();
        remote.send("EHLO client.test", "AUTH PLAIN " + b64("\0alice@atrium.test\0secret"));
        List<String> replies = remote.replies();
        assertEquals("538 5.7.11 Encryption required for requested authentication mechanism",
                replies.get(replies.size() - 1));
    }

    @Test
    void mxListenerOffersNoAuth() {
        SmtpHarness h = new SmtpHarness(SmtpHarness.settings(spool), true);
        h.replies();
        h.send("EHLO client.test");
        assertFalse(h.replies().stream().anyMatch(l -> l.contains("AUTH")));
        h.send("AUTH PLAIN " + b64("\0alice@atrium.test\0secret"));
        assertEquals("502 5.5.1 Error: authentication not enabled", h.reply());
        h.send("MAIL FROM:<a@example.org>");
        assertEquals("250 2.1.0 Ok", h.reply());
    }

    @Test
    void plainWithChallenge() {
        SmtpHarness h = secure();
        h.send("EHLO client.test");
        h.replies();
        h.send("AUTH PLAIN");
        assertEquals("334 ", h.reply());
        h.send(b64("alice@atrium.test\0alice@atrium.test\0secret"));
        assertEquals("235 2.7.0 Authentication successful", h.reply());
        assertEquals("alice@atrium.test", h.session.authenticatedUser());
        h.send("EHLO client.test");
        assertFalse(h.replies().stream().anyMatch(l -> l.contains("AUTH")), "no AUTH offered once signed in");
        h.send("AUTH PLAIN " + b64("\0alice@atrium.test\0secret"));
        assertEquals("503 5.5.1 Error: already authenticated", h.reply());
    }

    @Test
    void loginWithAliasGivesCanonicalUser() {
        SmtpHarness h = secure();
        h.send("EHLO client.test");
        h.replies();
        h.send("AUTH LOGIN");
        assertEquals("334 VXNlcm5hbWU6", h.reply());
        h.send(b64("al@atrium.test"));
        assertEquals("334 UGFzc3dvcmQ6", h.reply());
        h.send(b64("secret"));
        assertEquals("235 2.7.0 Authentication successful", h.reply());
        assertEquals("alice@atrium.test", h.session.authenticatedUser());
    }

    @Test
    void loginWithInitialUserName() {
        SmtpHarness h = secure();
        h.send("EHLO client.test", "AUTH LOGIN " + b64("alice@atrium.test"));
        List<String> replies = h.replies();
        assertEquals("334 UGFzc3dvcmQ6", replies.get(replies.size() - 1));
        h.send(b64("secret"));
        assertEquals("235 2.7.0 Authentication successful", h.reply());
    }

    @Test
    void failures() {
        SmtpHarness h = secure();
        h.send("EHLO client.test");
        h.replies();
        h.send("AUTH PLAIN " + b64("\0alice@atrium.test\0wrong"));
        assertEquals("535 5.7.8 Authentication credentials invalid", h.reply());
        h.send("AUTH PLAIN " + b64("\0nobody@atrium.test\0secret"));
        assertEquals("535 5.7.8 Authentication credentials invalid", h.reply());
        h.send("AUTH PLAIN " + b64("bob@atrium.test\0alice@atrium.test\0secret"));
        assertEquals("535 5.7.8 Authentication credentials invalid", h.reply(), "no proxy authorization");
        h.send("AUTH PLAIN !!notbase64");
        assertEquals("501 5.5.2 Invalid base64 data", h.reply());
        h.send("AUTH LOGIN");
        h.replies();
        h.send("*");
        assertEquals("501 5.0.0 Authentication cancelled", h.reply());
        h.send("AUTH PLAIN");
        h.replies();
        h.send("%%%");
        assertEquals("501 5.5.2 Invalid base64 data", h.reply());
        h.send("AUTH CRAM-MD5");
        assertEquals("504 5.5.4 Unrecognized authentication type", h.reply());
        h.send("AUTH PLAIN " + b64("\0broken\0secret"));
        assertEquals("454 4.7.0 Temporary authentication failure", h.reply());
        assertNull(h.session.authenticatedUser());
        h.send("MAIL FROM:<alice@atrium.test>");
        assertEquals("530 5.7.0 Authentication required", h.reply());
        // The session still works after all of that.
        h.send("AUTH PLAIN " + b64("\0alice@atrium.test\0secret"));
        assertEquals("235 2.7.0 Authentication successful", h.reply());
    }

    @Test
    void submissionRefusedByClassOfServiceIs535AndLeavesTheSessionUnauthenticated() {
        SmtpHarness h = secure();
        h.intake.refusedByProfile.put("alice@atrium.test", "imap-only");
        h.send("EHLO client.test");
        h.replies();
        h.send("AUTH PLAIN " + b64("\0alice@atrium.test\0secret"));
        assertEquals("535 5.7.8 Authentication succeeded but mail submission is not enabled for this account",
                h.reply());
        assertNull(h.session.authenticatedUser());
        h.send("MAIL FROM:<alice@atrium.test>");
        assertEquals("530 5.7.0 Authentication required", h.reply());
        h.send("AUTH PLAIN " + b64("\0alice@atrium.test\0wrong"));
        assertEquals("535 5.7.8 Authentication credentials invalid", h.reply(), "wrong password: the usual answer");
        h.intake.refusedByProfile.clear();
        h.send("AUTH PLAIN " + b64("\0alice@atrium.test\0secret"));
        assertEquals("235 2.7.0 Authentication successful", h.reply());
    }

    @Test
    void longInitialResponseAndAuthParameter() {
        SmtpHarness h = secure();
        h.send("EHLO client.test");
        h.replies();
        String longPassword = "p".repeat(2000);
        h.send("AUTH PLAIN " + b64("\0alice@atrium.test\0" + longPassword));
        assertEquals("535 5.7.8 Authentication credentials invalid", h.reply(), "RFC 4954 §4: long lines are read");
        h.send("AUTH PLAIN " + b64("\0alice@atrium.test\0secret"));
        assertEquals("235 2.7.0 Authentication successful", h.reply());
        h.send("MAIL FROM:<alice@atrium.test> AUTH=<>");
        assertEquals("250 2.1.0 Ok", h.reply(), "RFC 4954 §5: AUTH= is accepted and ignored");
        h.send("RSET", "MAIL FROM:<alice@atrium.test> " + "X".repeat(600));
        List<String> replies = h.replies();
        assertEquals("500 5.5.2 Line too long", replies.get(replies.size() - 1), "after AUTH, the RFC 5321 limit");

        SmtpHarness mx = new SmtpHarness(SmtpHarness.settings(spool), true);
        mx.replies();
        mx.send("EHLO client.test", "MAIL FROM:<a@example.org> AUTH=<>");
        replies = mx.replies();
        assertEquals("555 5.5.4 Unsupported parameter AUTH", replies.get(replies.size() - 1));
    }

    @Test
    void authDuringTransactionIsBadSequence() {
        SmtpHarness h = signedIn();
        h.send("MAIL FROM:<alice@atrium.test>");
        assertEquals("250 2.1.0 Ok", h.reply());
        h.send("AUTH PLAIN " + b64("\0alice@atrium.test\0secret"));
        assertEquals("503 5.5.1 Error: MAIL transaction in progress", h.reply());
    }

    @Test
    void mailNeedsAuthEvenToLocalUsers() {
        SmtpHarness h = secure();
        h.send("EHLO client.test");
        h.replies();
        h.send("MAIL FROM:<alice@atrium.test>");
        assertEquals("530 5.7.0 Authentication required", h.reply());
        assertEquals(SmtpState.GREETED, h.session.state());
    }

    @Test
    void senderRulesAtMailFrom() {
        SmtpHarness h = signedIn();
        h.send("MAIL FROM:<>");
        assertEquals("553 5.7.1 Null sender not allowed on submission", h.reply());
        h.send("MAIL FROM:<bob2@atrium.test>");
        assertEquals("553 5.7.1 <bob2@atrium.test>: Sender address rejected: not owned by user alice@atrium.test",
                h.reply());
        h.send("MAIL FROM:<postmaster@atrium.test>");
        assertTrue(h.reply().startsWith("553 5.7.1"));
        for (String own : List.of("alice@atrium.test", "AL@atrium.test", "bob@atrium.test", "carol@atrium.test")) {
            h.send("MAIL FROM:<" + own + ">");
            assertEquals("250 2.1.0 Ok", h.reply(), own);
            h.send("RSET");
            h.replies();
        }
    }

    private List<String> submit(SmtpHarness h, String mailFrom, String... headers) {
        h.send("MAIL FROM:<" + mailFrom + ">", "RCPT TO:<bob@atrium.test>", "DATA");
        h.replies();
        h.send(headers);
        h.send("", "body", ".");
        return h.replies();
    }

    @Test
    void fromHeaderRulesAfterData() {
        SmtpHarness h = signedIn();
        assertEquals(List.of("250 2.0.0 Ok: queued as Q1"),
                submit(h, "alice@atrium.test", "From: Alice <alice@atrium.test>", "Subject: hi"));
        assertEquals(List.of("553 5.7.1 From header address rejected: not owned by user alice@atrium.test"),
                submit(h, "alice@atrium.test", "From: Mallory <bob2@atrium.test>"));
        assertEquals(List.of("553 5.7.1 From header address rejected: not owned by user alice@atrium.test"),
                submit(h, "alice@atrium.test", "Subject: no from"));
        assertEquals(List.of("553 5.7.1 From header address rejected: not owned by user alice@atrium.test"),
                submit(h, "alice@atrium.test", "From: alice@atrium.test", "From: alice@atrium.test"));
        // send-as granted by bob; folded header
        assertEquals(List.of("250 2.0.0 Ok: queued as Q2"), submit(h, "bob@atrium.test", "From: Bob",
                " <bob@atrium.test>"));
        // send-on-behalf from carol: only with Sender: the user
        assertEquals(List.of("553 5.7.1 From header address rejected: not owned by user alice@atrium.test"),
                submit(h, "alice@atrium.test", "From: carol@atrium.test"));
        assertEquals(List.of("250 2.0.0 Ok: queued as Q3"),
                submit(h, "alice@atrium.test", "From: carol@atrium.test", "Sender: Alice <alice@atrium.test>"));
        assertEquals(3, h.intake.accepted.size(), "refused messages are not stored");
        FakeIntake.Accepted first = h.intake.accepted.get(0);
        assertEquals("alice@atrium.test", first.envelope().authenticatedUser());
        assertTrue(first.text().contains("with ESMTPSA id"), first.text());
    }

    @Test
    void receivedSaysEsmtpaWithoutTls() {
        SmtpHarness h = new SmtpHarness(SmtpHarness.settings(spool), false, true, false, LOOPBACK, true);
        h.replies();
        h.send("EHLO client.test", "AUTH PLAIN " + b64("\0alice@atrium.test\0secret"));
        h.replies();
        assertEquals(List.of("250 2.0.0 Ok: queued as Q1"), submit(h, "alice@atrium.test", "From: alice@atrium.test"));
        assertTrue(h.intake.accepted.get(0).text().contains("with ESMTPA id"));
    }

    @Test
    void passwordAndBlobNeverLogged() {
        List<String> logged = new java.util.ArrayList<>();
        Logger jul = Logger.getLogger("org.atrium.connector.smtp");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(String.valueOf(r.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(handler);
        try {
            SmtpHarness h = secure();
            String blob = b64("\0alice@atrium.test\0hunter2pw");
            h.send("EHLO client.test", "AUTH PLAIN " + blob, "AUTH LOGIN", b64("alice@atrium.test"),
                    b64("hunter2pw"), "AUTH PLAIN " + b64("\0alice@atrium.test\0secret"));
            assertTrue(h.replies().contains("235 2.7.0 Authentication successful"));
            assertFalse(logged.isEmpty());
            for (String line : logged) {
                assertFalse(line.contains("hunter2pw") || line.contains("secret") || line.contains(blob)
                        || line.contains(b64("hunter2pw")), line);
            }
            assertTrue(logged.stream().anyMatch(l -> l.contains("event=auth-failed") && l.contains("outcome=535")
                    && l.contains("login=alice@atrium.test")), logged.toString());
            assertTrue(logged.stream().anyMatch(l -> l.contains("user=alice@atrium.test event=auth ")),
                    logged.toString());
        } finally {
            jul.removeHandler(handler);
        }
    }
}
