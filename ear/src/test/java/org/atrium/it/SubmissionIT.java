package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * The submission listeners against the deployed server (issue #4): RFC 6409 with STARTTLS (RFC 3207) and over
 * implicit TLS (RFC 8314), AUTH PLAIN and LOGIN (RFC 4954, RFC 4616), and the sender rules (553 5.7.1) with the
 * send-as grant of ADR 0006. Clients: Python's smtplib (resources/python/submission_flow.py), Jakarta Mail with
 * {@code mail.smtp.auth} and {@code starttls.required}, and raw sockets for the refusals. The certificate is the
 * self-signed one the server generated, so the clients trust anything. Remote recipients are not tested: without
 * an outbound queue they are refused (550 5.7.1) even to authenticated users.
 */
class SubmissionIT {

    @Test
    void pythonSmtplibOverStartTlsAndImplicitTls() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("subpy", pw);
        String otherPw = "Pw-" + UUID.randomUUID();
        String other = AdminClient.newUser("subother", otherPw);
        Path script = Path.of(getClass().getResource("/python/submission_flow.py").toURI());
        Processes.Result r = Processes.run(List.of("python3", script.toString(), ItEnv.HOST,
                Integer.toString(ItEnv.submission()), Integer.toString(ItEnv.submissions()),
                Integer.toString(ItEnv.imap()), user, pw, other), Map.of(), null, 120);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("python submission flow ok"), r.output());
        assertEquals(0, MailTools.pop3Count(other, otherPw), "the forged message reached nobody");
    }

    @Test
    void jakartaMailWithAuthAndStartTlsRequired() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("subjm", pw);
        Properties p = new Properties();
        p.put("mail.smtp.host", ItEnv.HOST);
        p.put("mail.smtp.port", Integer.toString(ItEnv.submission()));
        p.put("mail.smtp.localhost", "jakarta.example.org");
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.trust", "*");
        p.put("mail.smtp.connectiontimeout", "20000");
        p.put("mail.smtp.timeout", "20000");
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress(user, "Jakarta Submitter"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(user));
        m.setSubject("jakarta submission " + UUID.randomUUID());
        m.setText("Submitted with AUTH over STARTTLS.\n", "UTF-8");
        Transport.send(m, user, pw);
        MailTools.awaitMessages(user, pw, 1, Duration.ofSeconds(30));
    }

    /** RFC 4954 §4 and RFC 8314: no AUTH in plaintext (538 5.7.11), none offered before STARTTLS, MAIL needs AUTH. */
    @Test
    void authBeforeStartTlsIsRefused() throws Exception {
        try (Socket s = new Socket(ItEnv.HOST, ItEnv.submission())) {
            s.setSoTimeout(20_000);
            BufferedReader in = SmtpWire.reader(s);
            assertTrue(SmtpWire.reply(in).get(0).startsWith("220 "));
            SmtpWire.write(s, "EHLO raw.example.org\r\n");
            List<String> ehlo = SmtpWire.reply(in);
            assertTrue(ehlo.stream().anyMatch(l -> l.substring(4).equals("STARTTLS")), ehlo.toString());
            assertFalse(ehlo.stream().anyMatch(l -> l.substring(4).startsWith("AUTH")), ehlo.toString());
            SmtpWire.write(s, "AUTH PLAIN " + SmtpWire.plain("someone@atrium.test", "whatever") + "\r\n");
            assertEquals(List.of("538 5.7.11 Encryption required for requested authentication mechanism"),
                    SmtpWire.reply(in));
            SmtpWire.write(s, "MAIL FROM:<someone@atrium.test>\r\n");
            assertEquals(List.of("530 5.7.0 Authentication required"), SmtpWire.reply(in));
            SmtpWire.write(s, "QUIT\r\n");
            assertTrue(SmtpWire.reply(in).get(0).startsWith("221 "));
        }
    }

    /**
     * On the implicit-TLS port: unauthenticated MAIL is 530, a wrong password 535, MAIL FROM another user's address
     * 553 until that user grants send-as (PUT /users/{owner}/grants/{user}), then 250; a From: header of a third user
     * is 553 at the end of DATA and nothing is stored.
     */
    @Test
    void sendAsGrantOpensTheOwnersAddress() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("subas", pw);
        String ownerPw = "Pw-" + UUID.randomUUID();
        String owner = AdminClient.newUser("subowner", ownerPw);
        String third = AdminClient.newUser("subthird", "Pw-" + UUID.randomUUID());
        try (SSLSocket s = SmtpWire.implicitTls()) {
            BufferedReader in = SmtpWire.reader(s);
            assertTrue(SmtpWire.reply(in).get(0).startsWith("220 "));
            SmtpWire.write(s, "EHLO raw.example.org\r\n");
            List<String> ehlo = SmtpWire.reply(in);
            assertTrue(ehlo.contains("250-AUTH PLAIN LOGIN"), ehlo.toString());
            assertFalse(ehlo.contains("250-STARTTLS"), ehlo.toString());
            SmtpWire.write(s, "MAIL FROM:<" + user + ">\r\n");
            assertEquals(List.of("530 5.7.0 Authentication required"), SmtpWire.reply(in));
            SmtpWire.write(s, "AUTH PLAIN " + SmtpWire.plain(user, pw + "x") + "\r\n");
            assertEquals(List.of("535 5.7.8 Authentication credentials invalid"), SmtpWire.reply(in));
            SmtpWire.write(s, "AUTH PLAIN " + SmtpWire.plain(user, pw) + "\r\n");
            assertEquals(List.of("235 2.7.0 Authentication successful"), SmtpWire.reply(in));
            SmtpWire.write(s, "MAIL FROM:<" + owner + ">\r\n");
            List<String> refused = SmtpWire.reply(in);
            assertEquals(1, refused.size());
            assertTrue(refused.get(0).startsWith("553 5.7.1 "), refused.toString());

            AdminClient.Reply g = AdminClient.asAdmin("PUT", "/users/" + owner + "/grants/" + user,
                    "{\"access\":\"NONE\",\"sendAs\":true}");
            assertEquals(2, g.status() / 100, g.toString());

            SmtpWire.write(s, "MAIL FROM:<" + owner + ">\r\n");
            assertEquals(List.of("250 2.1.0 Ok"), SmtpWire.reply(in));
            SmtpWire.write(s, "RCPT TO:<" + owner + ">\r\n");
            assertEquals(List.of("250 2.1.5 Ok"), SmtpWire.reply(in));
            SmtpWire.write(s, "DATA\r\n");
            assertTrue(SmtpWire.reply(in).get(0).startsWith("354 "));
            SmtpWire.write(s, "From: <" + third + ">\r\nSubject: forged\r\n\r\nnot mine\r\n.\r\n");
            List<String> forged = SmtpWire.reply(in);
            assertTrue(forged.get(0).startsWith("553 5.7.1 "), forged.toString());

            SmtpWire.write(s, "MAIL FROM:<" + owner + ">\r\n");
            assertEquals(List.of("250 2.1.0 Ok"), SmtpWire.reply(in));
            SmtpWire.write(s, "RCPT TO:<" + owner + ">\r\n");
            assertEquals(List.of("250 2.1.5 Ok"), SmtpWire.reply(in));
            SmtpWire.write(s, "DATA\r\n");
            assertTrue(SmtpWire.reply(in).get(0).startsWith("354 "));
            SmtpWire.write(s, "From: Owner <" + owner + ">\r\nSubject: as owner\r\n\r\nsent as the owner\r\n.\r\n");
            List<String> accepted = SmtpWire.reply(in);
            assertTrue(accepted.get(0).startsWith("250 2.0.0 "), accepted.toString());
            SmtpWire.write(s, "QUIT\r\n");
            assertTrue(SmtpWire.reply(in).get(0).startsWith("221 "));
        }
        MailTools.awaitMessages(owner, ownerPw, 1, Duration.ofSeconds(30));
        Thread.sleep(500);
        assertEquals(1, MailTools.pop3Count(owner, ownerPw), "the forged message was not stored");
    }
}
