package org.atrium.connector.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.atrium.connector.net.RecordingOutput;
import org.junit.jupiter.api.Test;

/** Dot-stuffing and TOP cut-off (RFC 1939 §3, §7), including state carried across read boundaries. */
class MessageWriterTest {

    private static String write(InputStream in, long bodyLines) throws IOException {
        RecordingOutput out = new RecordingOutput();
        MessageWriter.write(in, out, bodyLines);
        return out.wire();
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Hands out one byte per read, so every line start falls on a read boundary somewhere. */
    private static InputStream trickle(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void stuffsDotsAtLineStartsOnly() throws IOException {
        String msg = ".a\r\nb.c\r\n.\r\n..\r\n";
        String expected = "..a\r\nb.c\r\n..\r\n...\r\n.\r\n";
        assertEquals(expected, write(bytes(msg), MessageWriter.WHOLE_MESSAGE));
        assertEquals(expected, write(trickle(msg), MessageWriter.WHOLE_MESSAGE));
    }

    @Test
    void addsTheMissingLineEndBeforeTheTerminator() throws IOException {
        assertEquals("abc\r\n.\r\n", write(bytes("abc"), MessageWriter.WHOLE_MESSAGE));
        assertEquals("abc\r\n.\r\n", write(bytes("abc\r"), MessageWriter.WHOLE_MESSAGE));
        assertEquals("abc\n\r\n.\r\n", write(bytes("abc\n"), MessageWriter.WHOLE_MESSAGE));
        assertEquals(".\r\n", write(bytes(""), MessageWriter.WHOLE_MESSAGE));
    }

    @Test
    void topCutsAfterTheHeaderSectionAndCountsBodyLines() throws IOException {
        String msg = "A: 1\r\nB: 2\r\n\r\none\r\n.two\r\nthree\r\n";
        assertEquals("A: 1\r\nB: 2\r\n\r\n.\r\n", write(trickle(msg), 0));
        assertEquals("A: 1\r\nB: 2\r\n\r\none\r\n..two\r\n.\r\n", write(trickle(msg), 2));
        assertEquals("A: 1\r\nB: 2\r\n\r\none\r\n..two\r\nthree\r\n.\r\n", write(bytes(msg), 100));
        assertEquals("A: 1\r\n.\r\n", write(bytes("A: 1"), 0), "headers only, no final CRLF");
        assertEquals("\r\n.\r\n", write(bytes("\r\nbody\r\n"), 0), "empty header section");
    }

    @Test
    void aLargeMessageIsStreamedInBoundedChunks() throws IOException {
        long size = 8L * 1024 * 1024;
        InputStream big = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                return --left % 80 == 0 ? '\n' : '.';
            }
        };
        CountingOutput out = new CountingOutput();
        MessageWriter.write(big, out, MessageWriter.WHOLE_MESSAGE);
        assertTrue(out.largest <= 16 * 1024, "chunks stay small: " + out.largest);
        assertTrue(out.total > size, "every line start was stuffed");
    }

    /** Counts instead of recording, so the test does not itself hold the message in memory. */
    private static final class CountingOutput extends RecordingOutput {
        long total;
        int largest;

        @Override
        public void sendRaw(byte[] bytes, int off, int len) {
            total += len;
            largest = Math.max(largest, len);
        }
    }
}
