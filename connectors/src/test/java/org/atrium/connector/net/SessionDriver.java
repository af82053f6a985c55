package org.atrium.connector.net;

import java.nio.charset.StandardCharsets;

/**
 * Drives one {@link ProtocolSession} from a test the way the Netty host drives it: bytes through a real
 * {@link LineAssembler} whose limit is re-read from the session after every line, and, for an
 * {@link OctetAwareSession}, octets straight to the session while it announces {@link
 * OctetAwareSession#pendingOctets()} (IMAP literals, RFC 3501 §4.3). The session is started on construction, after
 * the assembler exists, so a greeting is recorded before the first input.
 *
 * <p>Not thread-safe: the tests drive the session from one thread, as {@link RecordingOutput#post} assumes.
 */
public final class SessionDriver {

    private final ProtocolSession session;
    private final LineAssembler assembler;

    public SessionDriver(ProtocolSession session) {
        this.session = session;
        this.assembler = new LineAssembler(session.maxLineLength(), line -> {
            session.onLine(line);
            assembler().maxLength(session.maxLineLength());
        });
        session.start();
    }

    private LineAssembler assembler() {
        return assembler;
    }

    /** Hands the session one CRLF-terminated line (UTF-8, no literals), bypassing the assembler. */
    public void line(String text) {
        session.onLine(new Line(text.getBytes(StandardCharsets.UTF_8), Line.Ending.CRLF));
    }

    /**
     * Feeds {@code bytes} as one network read. Only for line sessions: splitting a read between lines and literal
     * octets is {@link LineAndOctetFramer}'s job, tested on its own.
     */
    public void feed(byte[] bytes) {
        if (session instanceof OctetAwareSession) {
            throw new IllegalStateException("feed an octet-aware session byte by byte");
        }
        assembler.feed(bytes);
    }

    /** Feeds {@code bytes} one at a time, as the slowest network would, routing announced literal octets raw. */
    public void feedByteByByte(byte[] bytes) {
        for (byte b : bytes) {
            if (session instanceof OctetAwareSession octets && octets.pendingOctets() > 0) {
                octets.onOctets(new byte[] {b}, 0, 1);
            } else {
                assembler.feed(new byte[] {b});
            }
        }
    }
}
