package org.atrium.connector.smtp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.atrium.connector.net.ConnectionInfo;
import org.atrium.connector.net.RecordingOutput;
import org.atrium.connector.net.SessionDriver;

/**
 * Plays the Netty host for one session through a {@link SessionDriver}: bytes go through a real line assembler whose
 * limit is re-read from the session after every line, as the host does; replies are recorded.
 */
final class SmtpHarness {

    static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");

    final FakeIntake intake = new FakeIntake();
    final RecordingOutput output;
    final SmtpSession session;
    private final SessionDriver driver;

    SmtpHarness(SmtpSettings settings) {
        this(settings, false);
    }

    /** @param tls whether the listener has a TLS context, so that STARTTLS is offered (RFC 3207) */
    SmtpHarness(SmtpSettings settings, boolean tls) {
        this(settings, tls, false, false, new byte[] {(byte) 192, 0, 2, 1}, false);
    }

    /**
     * @param submission a submission-mode session (RFC 6409)
     * @param secure whether the connection is under TLS from the start (implicit TLS, RFC 8314)
     * @param clientIp the client's IPv4 address
     * @param plainAuthOnLoopback the administrator's switch allowing AUTH without TLS on loopback
     */
    SmtpHarness(SmtpSettings settings, boolean tls, boolean submission, boolean secure, byte[] clientIp,
            boolean plainAuthOnLoopback) {
        this(settings, tls, submission, secure, clientIp, plainAuthOnLoopback, null);
    }

    /** A plain (non-TLS) session of the MX or submission listener from {@code clientIp}, sharing {@code guards}. */
    SmtpHarness(SmtpSettings settings, boolean submission, byte[] clientIp, SmtpGuards guards) {
        this(settings, false, submission, false, clientIp, submission, guards);
    }

    /** @param guards shared protection state; null for the factory's own */
    SmtpHarness(SmtpSettings settings, boolean tls, boolean submission, boolean secure, byte[] clientIp,
            boolean plainAuthOnLoopback, SmtpGuards guards) {
        RecordingOutput out = RecordingOutput.linesOnly("SMTP server never sends raw bytes");
        output = tls ? out.withTls() : out;
        ConnectionInfo info;
        try {
            info = new ConnectionInfo(new InetSocketAddress(InetAddress.getByAddress(clientIp), 40000),
                    new InetSocketAddress(InetAddress.getByAddress(new byte[] {(byte) 198, 51, 100, 1}), 25),
                    "ignored.atrium.test", secure, "s1");
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SmtpSessionFactory factory;
        if (guards != null) {
            factory = submission
                    ? SmtpSessionFactory.submission(intake, settings, clock, plainAuthOnLoopback, guards)
                    : new SmtpSessionFactory(intake, settings, clock, guards);
        } else {
            factory = submission
                    ? SmtpSessionFactory.submission(intake, settings, clock, plainAuthOnLoopback)
                    : new SmtpSessionFactory(intake, settings, clock);
        }
        session = (SmtpSession) factory.create(info, output);
        driver = new SessionDriver(session, output);
    }

    static SmtpSettings settings(Path spool) {
        return SmtpSettings.defaults("mx.atrium.test", spool);
    }

    /** Sends raw bytes (ISO-8859-1 of {@code raw}) in one piece. */
    SmtpHarness raw(String raw) {
        driver.feed(raw.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    /** Sends raw bytes one at a time, as the slowest network would. */
    SmtpHarness rawByteByByte(String raw) {
        driver.feedByteByByte(raw.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    /** Sends command lines, each with CR LF. */
    SmtpHarness send(String... lines) {
        for (String line : lines) {
            raw(line + "\r\n");
        }
        return this;
    }

    /** Replies written since the last call. */
    List<String> replies() {
        return driver.drain();
    }

    /** The single reply line written since the last call. */
    String reply() {
        List<String> r = replies();
        if (r.size() != 1) {
            throw new AssertionError("expected one reply line, got " + r);
        }
        return r.get(0);
    }
}
