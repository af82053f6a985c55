package org.atrium.connector.imap;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.atrium.connector.net.ConnectionInfo;
import org.atrium.connector.net.RecordingOutput;
import org.atrium.connector.net.SessionDriver;

/**
 * One client connection to an {@link ImapSession}, driven by a {@link SessionDriver} the way the host drives an
 * {@link org.atrium.connector.net.OctetAwareSession}: lines through a real line assembler, literal octets straight to
 * the session while it announces {@code pendingOctets}.
 */
final class ImapHarness {

    static final String HOST = "mail.example.org";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    final RecordingOutput out;
    final ImapSession session;
    private final SessionDriver driver;

    ImapHarness(InMemoryMailStore store) {
        this(store, ImapSettings.defaults(HOST));
    }

    ImapHarness(InMemoryMailStore store, ImapSettings settings) {
        this(new ImapSessionFactory(store, settings, CLOCK), "s1");
    }

    ImapHarness(ImapSessionFactory factory, String sessionId) {
        this(factory, sessionId, false);
    }

    /** @param tls whether the listener has a TLS context, so that STARTTLS is offered (RFC 3501 §6.2.1) */
    ImapHarness(ImapSessionFactory factory, String sessionId, boolean tls) {
        out = tls ? new RecordingOutput().withTls() : new RecordingOutput();
        ConnectionInfo info = new ConnectionInfo(new InetSocketAddress("192.0.2.7", 40123),
                new InetSocketAddress("192.0.2.1", 143), HOST, false, sessionId);
        session = (ImapSession) factory.create(info, out);
        driver = new SessionDriver(session, out);
    }

    /** The greeting and anything else sent so far. */
    List<String> drain() {
        return driver.drain();
    }

    /** Sends one line terminated by CRLF (no literals); returns the response lines. */
    List<String> send(String line) {
        return driver.send(line);
    }

    /** Feeds raw octets one at a time, switching between lines and literal octets as the host does. */
    List<String> type(String text) {
        return typeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    List<String> typeBytes(byte[] bytes) {
        return driver.type(bytes);
    }

    /** LOGIN and drain; fails the test unless it worked. */
    ImapHarness login(String user, String password) {
        drain();
        List<String> r = send("L1 LOGIN " + user + " " + password);
        if (!r.get(r.size() - 1).startsWith("L1 OK")) {
            throw new AssertionError("login failed: " + r);
        }
        return this;
    }

    /** The last line of a response: its tagged status. */
    static String last(List<String> lines) {
        return lines.get(lines.size() - 1);
    }
}
