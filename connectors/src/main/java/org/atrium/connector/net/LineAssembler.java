package org.atrium.connector.net;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a byte stream into {@link Line}s, bounded by a maximum line length that a session may change between lines
 * (SMTP allows longer text lines in DATA than command lines, RFC 5321 §4.5.3.1).
 *
 * <p>Input may arrive in any fragmentation, down to one byte at a time and a CR LF split across two reads. A line
 * longer than the limit is never buffered beyond the limit: its remaining bytes are dropped up to the next LF, and a
 * single {@link Line.Ending#TOO_LONG} line is emitted there, so memory per connection stays bounded whatever the peer
 * sends. Not thread-safe: one assembler per connection, fed from one thread at a time.
 */
public final class LineAssembler {

    private final Consumer<Line> sink;
    private volatile int maxLength;
    private byte[] buf = new byte[256];
    private int len;
    private boolean overflow;
    /** Set by {@link #discard()} from inside the sink: the running {@link #feed} stops after the line. */
    private boolean stop;

    /**
     * @param maxLength the longest line accepted, counted without its terminator
     * @param sink receives every complete line, in order
     */
    public LineAssembler(int maxLength, Consumer<Line> sink) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        this.maxLength = maxLength;
        this.sink = sink;
    }

    /** Changes the limit for the lines that follow; the current partial line keeps being read under the new limit. */
    public void maxLength(int newMax) {
        if (newMax < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        this.maxLength = newMax;
    }

    public int maxLength() {
        return maxLength;
    }

    /** Bytes buffered for the line not yet terminated. */
    public int pending() {
        return len;
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    public void feed(byte[] data, int off, int count) {
        stop = false;
        int end = off + count;
        for (int i = off; i < end; i++) {
            byte b = data[i];
            if (b == '\n') {
                emit();
                if (stop) {
                    stop = false;
                    return;
                }
                continue;
            }
            if (overflow) {
                continue;
            }
            // +1: a CR may end the line and is not counted against the limit.
            if (len >= maxLength + 1) {
                overflow = true;
                continue;
            }
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, Math.min(buf.length * 2, maxLength + 1));
            }
            buf[len++] = b;
        }
    }

    /**
     * Forgets the partial line and, when called from the sink while a {@link #feed} runs, every byte of that feed
     * after the line just emitted: the connection is switching to TLS (RFC 3207 §4.2, RFC 2595 §4, RFC 3501
     * §6.2.1), and whatever the peer sent in plaintext after the command must never be executed (STARTTLS command
     * injection).
     */
    public void discard() {
        len = 0;
        overflow = false;
        stop = true;
        if (buf.length > 4096) {
            buf = new byte[256];
        }
    }

    private void emit() {
        Line line;
        if (overflow) {
            line = new Line(Arrays.copyOf(buf, Math.min(len, maxLength)), Line.Ending.TOO_LONG);
        } else if (len > 0 && buf[len - 1] == '\r') {
            line = new Line(Arrays.copyOf(buf, len - 1), Line.Ending.CRLF);
        } else if (len > maxLength) {
            line = new Line(Arrays.copyOf(buf, maxLength), Line.Ending.TOO_LONG);
        } else {
            line = new Line(Arrays.copyOf(buf, len), Line.Ending.BARE_LF);
        }
        len = 0;
        overflow = false;
        if (buf.length > 4096) {
            buf = new byte[256];
        }
        sink.accept(line);
    }
}
