package org.atrium.connector.net;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Drives one {@link ProtocolSession} from a test the way the Netty host drives it: bytes through a real
 * {@link LineAssembler} whose limit is re-read from the session after every line, and, for an
 * {@link OctetAwareSession}, octets straight to the session while it announces {@link
 * OctetAwareSession#pendingOctets()} (IMAP literals, RFC 3501 §4.3). The session is started on construction, after
 * the assembler exists, so a greeting is recorded before the first input.
 *
 * <p>What the session writes goes to the {@link RecordingOutput} it was created with; the methods that return lines
 * return what it wrote since the last of them ({@link RecordingOutput#drainLines()}).
 *
 * <p>Not thread-safe: the tests drive the session from one thread, as {@link RecordingOutput#post} assumes.
 */
public final class SessionDriver {

    private final ProtocolSession session;
    private final RecordingOutput out;
    private final LineAssembler assembler;

    /** Starts {@code session}, which was created to write to {@code out}. */
    public SessionDriver(ProtocolSession session, RecordingOutput out) {
        this.session = session;
        this.out = out;
        this.assembler = new LineAssembler(session.maxLineLength(), line -> {
            session.onLine(line);
            assembler().maxLength(session.maxLineLength());
        });
        session.start();
    }

    private LineAssembler assembler() {
        return assembler;
    }

    /** The lines written since the last call (the greeting, on the first). */
    public List<String> drain() {
        return out.drainLines();
    }

    /** Hands the session one CRLF-terminated line (UTF-8, no literals), bypassing the assembler; returns the reply. */
    public List<String> send(String line) {
        session.onLine(new Line(line.getBytes(StandardCharsets.UTF_8), Line.Ending.CRLF));
        return out.drainLines();
    }

    /** {@link #feedByteByByte} and the lines written meanwhile. */
    public List<String> type(byte[] bytes) {
        feedByteByByte(bytes);
        return out.drainLines();
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
