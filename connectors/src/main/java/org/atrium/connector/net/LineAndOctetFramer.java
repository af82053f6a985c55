package org.atrium.connector.net;

/**
 * Frames the input of an {@link OctetAwareSession}: lines, and counted runs of raw octets where the session asks for
 * them (IMAP literals, RFC 3501 §4.3 and §7.5; non-synchronizing literals of RFC 7888 §4, which the client sends in
 * the same write as the line announcing them).
 *
 * <p>Invariants: after each line and each run of octets handed to the session, {@link OctetAwareSession#pendingOctets()}
 * is read; while it is positive the next input octets, up to that count, go to {@link OctetAwareSession#onOctets}
 * unframed (CR, LF and NUL in them are data), even when they arrived in the same read as the line before them; at zero,
 * line framing resumes with the session's current {@link ProtocolSession#maxLineLength()}. Lines are bounded exactly as
 * by {@link LineAssembler}, which does the line part; octet runs are not buffered here at all, so memory per
 * connection stays bounded by the line limit plus what the session itself keeps. Any fragmentation of the input gives
 * the same lines and the same octets in the same order.
 *
 * <p>Not thread-safe: one framer per connection, fed from one thread at a time (the session's worker).
 */
public final class LineAndOctetFramer {

    private final OctetAwareSession session;
    private final LineAssembler lines;
    /** Octets the session still expects before the next line; read from the session after each event. */
    private long octets;
    /** Set by {@link #discard()}: the running {@link #feed} hands nothing more to the session. */
    private boolean stop;

    public LineAndOctetFramer(OctetAwareSession session) {
        this.session = session;
        this.lines = new LineAssembler(session.maxLineLength(), this::line);
    }

    private void line(Line line) {
        session.onLine(line);
        lines.maxLength(session.maxLineLength());
        octets = session.pendingOctets();
    }

    /** Octets still to be handed raw to the session before line framing resumes. */
    public long pendingOctets() {
        return octets;
    }

    /** Bytes buffered for a line not yet terminated. */
    public int pendingLineBytes() {
        return lines.pending();
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /**
     * Forgets the partial line, any literal octets still expected and, when called from inside the session while a
     * {@link #feed} runs, every byte of that feed after the current line or octet run. Called when the connection
     * switches to TLS (IMAP STARTTLS, RFC 3501 §6.2.1; RFC 9051 §6.2.1): plaintext the client pipelined after the
     * command is discarded, never executed (STARTTLS command injection).
     */
    public void discard() {
        octets = 0;
        stop = true;
        lines.discard();
    }

    public void feed(byte[] data, int off, int count) {
        stop = false;
        int i = off;
        int end = off + count;
        while (i < end) {
            if (octets > 0) {
                int n = (int) Math.min(octets, end - i);
                session.onOctets(data, i, n);
                if (stop) {
                    stop = false;
                    octets = 0;
                    return;
                }
                i += n;
                octets = session.pendingOctets();
                if (octets == 0) {
                    // The session may have changed its limit while reading the run (a command completed).
                    lines.maxLength(session.maxLineLength());
                }
                continue;
            }
            // Hand the assembler at most one line, so that the session's answer to it (a literal announced by its
            // last token) is known before any byte after its LF is framed.
            int lf = indexOfLf(data, i, end);
            if (lf < 0) {
                lines.feed(data, i, end - i);
                return;
            }
            lines.feed(data, i, lf + 1 - i);
            if (stop) {
                stop = false;
                octets = 0;
                return;
            }
            i = lf + 1;
        }
    }

    private static int indexOfLf(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
