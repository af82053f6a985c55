package org.atrium.connector.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a raw message line by line while keeping exact byte offsets, so every MIME part can record the byte range
 * of its header and body in the stored blob.
 *
 * <p>Invariants: a line ends after LF (CRLF and bare LF both accepted; a lone CR is content) or at end of stream.
 * Only the first {@code cap} bytes of a line are kept in {@link #prefix}; the rest is counted and dropped, so a
 * 50 MB line without LF costs no more memory than a short one. Offsets and LF counts are always exact.
 */
final class LineReader {
    private final InputStream in;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int lim;
    private boolean eof;

    /** Offset of the next unread byte, i.e. the start of the next line. */
    private long offset;
    /** Number of LF bytes before {@link #offset}. */
    private long lfCount;

    // The line most recently returned by readLine.
    byte[] prefix = new byte[256];
    int prefixLen;
    long lineStart;
    long lineLength;
    /** 0 (no EOL, end of stream), 1 (LF) or 2 (CRLF). */
    int eolLength;

    // The line returned before the current one; its EOL belongs to a following boundary delimiter.
    long prevLineContentLength = -1;
    int prevEolLength;

    private boolean pushedBack;

    LineReader(InputStream in) {
        this.in = in;
    }

    long offset() {
        return pushedBack ? lineStart : offset;
    }

    /** LF count before {@link #offset()}. */
    long lfCount() {
        return pushedBack ? lfCount - (eolLength > 0 ? 1 : 0) : lfCount;
    }

    /** LF count before the start of the current line. */
    long lfBeforeLine() {
        return (pushedBack ? lfCount() : lfCount) - (pushedBack ? 0 : (eolLength > 0 ? 1 : 0));
    }

    /** Makes the next readLine return the current line again. */
    void pushBack() {
        pushedBack = true;
    }

    long contentLength() {
        return lineLength - eolLength;
    }

    /**
     * Reads the next line keeping at most {@code cap} bytes of it (EOL included in the prefix when it fits).
     *
     * @return false at end of stream (no more bytes)
     */
    boolean readLine(int cap) throws IOException {
        if (pushedBack) {
            pushedBack = false;
            return true;
        }
        if (pos == lim && !fill()) {
            return false; // end of stream: the last line stays current, offsets unchanged
        }
        prevLineContentLength = lineLength - eolLength;
        prevEolLength = eolLength;
        if (prefix.length < cap) {
            prefix = new byte[cap];
        }
        prefixLen = 0;
        lineStart = offset;
        lineLength = 0;
        eolLength = 0;
        boolean lastWasCr = false;
        while (true) {
            if (pos == lim && !fill()) {
                return lineLength > 0;
            }
            int start = pos;
            int lf = -1;
            for (int i = pos; i < lim; i++) {
                if (buf[i] == '\n') {
                    lf = i;
                    break;
                }
            }
            int end = lf >= 0 ? lf + 1 : lim;
            int n = end - start;
            int copy = Math.min(n, cap - prefixLen);
            if (copy > 0) {
                System.arraycopy(buf, start, prefix, prefixLen, copy);
                prefixLen += copy;
            }
            lineLength += n;
            offset += n;
            pos = end;
            if (lf >= 0) {
                lfCount++;
                boolean cr = lf > start ? buf[lf - 1] == '\r' : lastWasCr;
                eolLength = cr ? 2 : 1;
                return true;
            }
            lastWasCr = n > 0 && buf[end - 1] == '\r';
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        while (n == 0) {
            n = in.read(buf, 0, buf.length);
        }
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }
}
