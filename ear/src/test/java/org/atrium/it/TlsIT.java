package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Folder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;

/**
 * TLS against the deployed server (issue #4): STARTTLS on SMTP (RFC 3207), STLS on POP3 (RFC 2595 §4) and STARTTLS
 * on IMAP (RFC 3501 §6.2.1) with Python's standard library and Jakarta Mail; implicit TLS on IMAPS and POP3S
 * (RFC 8314); and, over raw sockets, the STARTTLS command injection regression: whatever a client pipelines after
 * STARTTLS in plaintext is discarded, so the first answer under TLS is the answer to the first command sent under TLS.
 * The server's certificate is the self-signed one it generated at first start, so the clients trust anything.
 */
class TlsIT {

    @Test
    void pythonClientsOverStartTlsStlsAndTheImplicitTlsPorts() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("tlspy", pw);
        Path script = Path.of(getClass().getResource("/python/tls_flow.py").toURI());
        Processes.Result r = Processes.run(List.of("python3", script.toString(), ItEnv.HOST,
                Integer.toString(ItEnv.smtp()), Integer.toString(ItEnv.pop3()), Integer.toString(ItEnv.imap()),
                Integer.toString(ItEnv.imaps()), Integer.toString(ItEnv.pop3s()), user, pw), Map.of(), null, 120);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("python tls flow ok"), r.output());
    }

    @Test
    void jakartaMailImapWithStartTlsRequired() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("tlsjm", pw);
        Properties p = new Properties();
        p.put("mail.imap.host", ItEnv.HOST);
        p.put("mail.imap.port", Integer.toString(ItEnv.imap()));
        p.put("mail.imap.connectiontimeout", "20000");
        p.put("mail.imap.timeout", "20000");
        p.put("mail.imap.starttls.enable", "true");
        p.put("mail.imap.starttls.required", "true");
        p.put("mail.imap.ssl.trust", "*");
        IMAPStore store = (IMAPStore) jakarta.mail.Session.getInstance(p).getStore("imap");
        store.connect(user, pw);
        try {
            assertTrue(store.isSSL(), "the IMAP connection switched to TLS");
            assertFalse(store.hasCapability("STARTTLS"), "STARTTLS is not advertised once TLS is up");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertTrue(inbox.isOpen(), "INBOX selected over the TLS connection");
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    // ---- STARTTLS command injection: raw sockets ----

    private static SSLSocket handshake(Socket plain, int port) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(plain, ItEnv.HOST, port, true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        return tls;
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void write(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The lines of one SMTP reply (RFC 5321 §4.2.1: continuation lines have a '-' after the code). */
    private static List<String> smtpReply(BufferedReader in) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed after " + lines);
            }
            lines.add(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return lines;
    }

    /**
     * RFC 3207 §4.2: RSET and EHLO sent in the same write as STARTTLS are discarded. Under TLS the session is back
     * at the greeting: MAIL is refused for want of EHLO (had the injected EHLO run, MAIL would be accepted; had the
     * injected RSET run, its 250 would come first).
     */
    @Test
    void smtpDiscardsCommandsPipelinedAfterStartTls() throws Exception {
        try (Socket plain = new Socket(ItEnv.HOST, ItEnv.smtp())) {
            plain.setSoTimeout(20_000);
            BufferedReader in = reader(plain);
            assertTrue(smtpReply(in).get(0).startsWith("220 "));
            write(plain, "EHLO x\r\n");
            List<String> ehlo = smtpReply(in);
            assertTrue(ehlo.stream().anyMatch(l -> l.substring(4).equals("STARTTLS")), ehlo.toString());
            write(plain, "STARTTLS\r\nRSET\r\nEHLO injected.example\r\n");
            assertEquals(List.of("220 2.0.0 Ready to start TLS"), smtpReply(in));
            try (SSLSocket tls = handshake(plain, ItEnv.smtp())) {
                BufferedReader tin = reader(tls);
                write(tls, "MAIL FROM:<tls@example.org>\r\n");
                assertEquals(List.of("503 5.5.1 Error: send HELO/EHLO first"), smtpReply(tin));
                write(tls, "EHLO x\r\n");
                List<String> again = smtpReply(tin);
                assertTrue(again.get(again.size() - 1).startsWith("250 "), again.toString());
                assertFalse(again.stream().anyMatch(l -> l.substring(4).equals("STARTTLS")), again.toString());
                write(tls, "STARTTLS\r\n");
                assertEquals(List.of("503 5.5.1 Error: TLS already active"), smtpReply(tin));
                write(tls, "QUIT\r\n");
                assertTrue(smtpReply(tin).get(0).startsWith("221 "));
            }
        }
    }

    /** RFC 3501 §6.2.1: "b NOOP" pipelined after "a STARTTLS" never runs; the first tagged line under TLS is "c". */
    @Test
    void imapDiscardsCommandsPipelinedAfterStartTls() throws Exception {
        try (Socket plain = new Socket(ItEnv.HOST, ItEnv.imap())) {
            plain.setSoTimeout(20_000);
            BufferedReader in = reader(plain);
            String greeting = in.readLine();
            assertTrue(greeting.startsWith("* OK ") && greeting.contains(" STARTTLS "), greeting);
            write(plain, "a STARTTLS\r\nb NOOP\r\n");
            assertEquals("a OK Begin TLS negotiation now", in.readLine());
            try (SSLSocket tls = handshake(plain, ItEnv.imap())) {
                BufferedReader tin = reader(tls);
                write(tls, "c NOOP\r\n");
                String first = tin.readLine();
                assertTrue(first.startsWith("c OK"), "first line under TLS: " + first);
                write(tls, "d CAPABILITY\r\n");
                String caps = tin.readLine();
                assertTrue(caps.startsWith("* CAPABILITY ") && !caps.contains("STARTTLS"), caps);
                assertTrue(tin.readLine().startsWith("d OK"));
                write(tls, "e STARTTLS\r\n");
                assertEquals("e BAD TLS is already active", tin.readLine());
                write(tls, "f LOGOUT\r\n");
                assertTrue(tin.readLine().startsWith("* BYE"));
            }
        }
    }

    /** RFC 2595 §4: QUIT pipelined after STLS never runs (it would end the session); CAPA under TLS lacks STLS. */
    @Test
    void pop3DiscardsCommandsPipelinedAfterStls() throws Exception {
        try (Socket plain = new Socket(ItEnv.HOST, ItEnv.pop3())) {
            plain.setSoTimeout(20_000);
            BufferedReader in = reader(plain);
            assertTrue(in.readLine().startsWith("+OK "));
            write(plain, "STLS\r\nQUIT\r\n");
            assertEquals("+OK Begin TLS negotiation", in.readLine());
            try (SSLSocket tls = handshake(plain, ItEnv.pop3())) {
                BufferedReader tin = reader(tls);
                write(tls, "CAPA\r\n");
                assertEquals("+OK capability list follows", tin.readLine());
                List<String> caps = new ArrayList<>();
                for (String l = tin.readLine(); !".".equals(l); l = tin.readLine()) {
                    assertTrue(l != null, "CAPA list ended early: " + caps);
                    caps.add(l);
                }
                assertFalse(caps.contains("STLS"), caps.toString());
                write(tls, "STLS\r\n");
                assertEquals("-ERR command not permitted when TLS active", tin.readLine());
                write(tls, "QUIT\r\n");
                assertTrue(tin.readLine().startsWith("+OK"));
            }
        }
    }
}
