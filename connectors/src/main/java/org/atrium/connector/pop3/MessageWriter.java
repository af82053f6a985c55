package org.atrium.connector.pop3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.atrium.connector.net.SessionOutput;

/**
 * Streams a stored message as the body of a multi-line response (RFC 1939 §3): byte-stuffs every line that begins
 * with ".", makes sure the content ends with CR LF, and appends the terminating ".CRLF".
 *
 * <p>The message is read in fixed chunks and handed to {@link SessionOutput#sendRaw} as it goes, so memory stays
 * bounded whatever the message size and a slow reader applies back-pressure to the worker thread rather than to the
 * heap. A "line" starts after any LF, bare or not: stuffing after a bare LF too costs nothing and keeps a lenient
 * client that splits on LF from seeing a premature terminator.
 *
 * <p>For TOP (RFC 1939 §7) a body line limit stops the copy after the header section, the empty line that ends it,
 * and that many body lines; a message without a body, or with fewer lines, is sent whole.
 */
final class MessageWriter {

    /** No limit: RETR. */
    static final long WHOLE_MESSAGE = -1;

    private static final int CHUNK = 8192;
    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LF = "\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TERMINATOR = ".\r\n".getBytes(StandardCharsets.US_ASCII);

    private MessageWriter() {
    }

    /**
     * Copies {@code in} to {@code out}, dot-stuffed and terminated. Does not flush.
     *
     * @param bodyLines how many body lines to send after the header section, or {@link #WHOLE_MESSAGE}
     */
    static void write(InputStream in, SessionOutput out, long bodyLines) throws IOException {
        byte[] inBuf = new byte[CHUNK];
        // Worst case every byte is a "." at a line start: each doubles.
        byte[] outBuf = new byte[CHUNK * 2];
        boolean limited = bodyLines >= 0;
        boolean inHeaders = true;
        long bodyLinesLeft = bodyLines;
        boolean lineStart = true;
        int lineLength = 0;
        byte last = 0;
        byte beforeLast = 0;
        boolean wroteAny = false;
        boolean done = false;
        int n;
        while (!done && (n = in.read(inBuf)) >= 0) {
            int o = 0;
            for (int i = 0; i < n; i++) {
                byte b = inBuf[i];
                if (lineStart && b == '.') {
                    outBuf[o++] = '.';
                }
                outBuf[o++] = b;
                beforeLast = last;
                last = b;
                wroteAny = true;
                if (b != '\n') {
                    lineStart = false;
                    if (b != '\r') {
                        lineLength++;
                    }
                    continue;
                }
                lineStart = true;
                if (limited) {
                    if (inHeaders) {
                        // RFC 5322 §2.1: the header section ends at the first empty line.
                        if (lineLength == 0) {
                            inHeaders = false;
                            done = bodyLinesLeft == 0;
                        }
                    } else {
                        done = --bodyLinesLeft == 0;
                    }
                    if (done) {
                        break;
                    }
                }
                lineLength = 0;
            }
            out.sendRaw(outBuf, 0, o);
        }
        // The terminator is only recognised after CR LF; a message stored without a final line end needs one.
        if (wroteAny && !(beforeLast == '\r' && last == '\n')) {
            byte[] end = last == '\r' ? LF : CRLF;
            out.sendRaw(end, 0, end.length);
        }
        out.sendRaw(TERMINATOR, 0, TERMINATOR.length);
    }
}
