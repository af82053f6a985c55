package org.atrium.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/** Small raw-socket and Jakarta Mail helpers shared by the integration tests. */
public final class MailTools {

    /**
     * Submits a plain-text message the way a mail client does: Jakarta Mail to the submission port (RFC 6409) with
     * STARTTLS required (RFC 3207) and AUTH (RFC 4954), From the user.
     *
     * @return the server's reply to the end of data, e.g. {@code "250 2.0.0 Ok: queued as <id>"}
     */
    public static String submit(String user, String password, String to, String subject, String text)
            throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", ItEnv.HOST);
        p.put("mail.smtp.port", Integer.toString(ItEnv.submission()));
        p.put("mail.smtp.localhost", "submitter.example.org");
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.trust", "*");
        p.put("mail.smtp.connectiontimeout", "20000");
        p.put("mail.smtp.timeout", "20000");
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(p);
        jakarta.mail.internet.MimeMessage m = new jakarta.mail.internet.MimeMessage(session);
        m.setFrom(new jakarta.mail.internet.InternetAddress(user));
        m.setRecipient(jakarta.mail.Message.RecipientType.TO, new jakarta.mail.internet.InternetAddress(to));
        m.setSubject(subject);
        m.setText(text, "UTF-8");
        try (jakarta.mail.Transport t = session.getTransport("smtp")) {
            t.connect(user, password);
            t.sendMessage(m, m.getAllRecipients());
            return ((org.eclipse.angus.mail.smtp.SMTPTransport) t).getLastServerResponse();
        }
    }

    /** The queue id a {@code 250 ... queued as <id>} reply names. */
    public static String queueId(String reply) {
        int at = reply == null ? -1 : reply.indexOf("queued as ");
        if (at < 0) {
            throw new AssertionError("no queue id in " + reply);
        }
        return reply.substring(at + "queued as ".length()).strip();
    }


    private MailTools() {
    }

    /** Sends one message over SMTP by hand (RFC 5321 §3.3) and returns the final reply line. */
    public static String sendRaw(String from, String to, String body) throws IOException {
        try (Socket s = new Socket(ItEnv.HOST, ItEnv.smtp())) {
            s.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            expect(in, "220");
            cmd(out, in, "EHLO it.example", "250");
            cmd(out, in, "MAIL FROM:<" + from + ">", "250");
            cmd(out, in, "RCPT TO:<" + to + ">", "250");
            cmd(out, in, "DATA", "354");
            out.write((body.replace("\n.", "\n..") + "\r\n.\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String reply = expect(in, "250");
            cmd(out, in, "QUIT", "221");
            return reply;
        }
    }

    /**
     * One SMTP transaction without authentication (RFC 5321 §3.3) that does not give up on a refusal: returns the
     * last reply line of MAIL, RCPT and, when RCPT was accepted, DATA and the end of data, in that order.
     */
    public static java.util.List<String> smtpReplies(String from, String to, String body) throws IOException {
        java.util.List<String> replies = new java.util.ArrayList<>();
        try (Socket s = new Socket(ItEnv.HOST, ItEnv.smtp())) {
            s.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            expect(in, "220");
            cmd(out, in, "EHLO it.example", "250");
            replies.add(reply(out, in, "MAIL FROM:<" + from + ">"));
            replies.add(reply(out, in, "RCPT TO:<" + to + ">"));
            if (replies.get(1).startsWith("250")) {
                String data = reply(out, in, "DATA");
                replies.add(data);
                if (data.startsWith("354")) {
                    out.write((body.replace("\n.", "\n..") + "\r\n.\r\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    replies.add(lastLine(in));
                }
            }
            reply(out, in, "QUIT");
        }
        return replies;
    }

    private static String reply(OutputStream out, BufferedReader in, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return lastLine(in);
    }

    private static String lastLine(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed while expecting a reply");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    static void cmd(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        expect(in, code);
    }

    /** Reads a (possibly multi-line) reply and checks its code; returns the last line. */
    static String expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed while expecting " + code);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(code)) {
            throw new IOException("expected " + code + " but got: " + line);
        }
        return line;
    }

    /** Number of messages in a maildrop, by POP3 STAT (RFC 1939 §5). */
    public static int pop3Count(String user, String password) throws IOException {
        try (Socket s = new Socket(ItEnv.HOST, ItEnv.pop3())) {
            s.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            pop(in, null, out);
            pop(in, "USER " + user, out);
            pop(in, "PASS " + password, out);
            String stat = pop(in, "STAT", out);
            pop(in, "QUIT", out);
            return Integer.parseInt(stat.split(" ")[1]);
        }
    }

    private static String pop(BufferedReader in, String cmd, OutputStream out) throws IOException {
        if (cmd != null) {
            out.write((cmd + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        String line = in.readLine();
        if (line == null || !line.startsWith("+OK")) {
            throw new IOException("POP3 " + (cmd == null ? "greeting" : cmd.split(" ")[0]) + ": " + line);
        }
        return line;
    }

    /** Waits until the maildrop holds at least {@code n} messages. */
    public static void awaitMessages(String user, String password, int n, Duration max) throws Exception {
        Instant deadline = Instant.now().plus(max);
        int seen = -1;
        while (Instant.now().isBefore(deadline)) {
            seen = pop3Count(user, password);
            if (seen >= n) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(user + " has " + seen + " message(s), expected " + n + " within " + max);
    }

    /** A Jakarta Mail session for the IMAP provider against the server under test (no TLS, 20 s timeouts). */
    public static jakarta.mail.Session imapSession() {
        Properties p = new Properties();
        p.put("mail.imap.host", ItEnv.HOST);
        p.put("mail.imap.port", Integer.toString(ItEnv.imap()));
        p.put("mail.imap.connectiontimeout", "20000");
        p.put("mail.imap.timeout", "20000");
        return jakarta.mail.Session.getInstance(p);
    }

    /** A connected IMAP store (RFC 3501 LOGIN) of its own connection; the caller closes it. */
    public static org.eclipse.angus.mail.imap.IMAPStore imapStore(String user, String password)
            throws jakarta.mail.MessagingException {
        jakarta.mail.Store store = imapSession().getStore("imap");
        store.connect(user, password);
        return (org.eclipse.angus.mail.imap.IMAPStore) store;
    }
}
