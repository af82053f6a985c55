package org.atrium.connector.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Framing of lines and IMAP-style literals (RFC 3501 §4.3, §7.5; RFC 7888 §4): the same events whatever the
 * fragmentation of the input, literal octets never framed as lines, lines still bounded.
 */
class LineAndOctetFramerTest {

    /**
     * A session that announces a literal for a line ending in {n} or {n+}, as the IMAP request reader does, and records
     * lines ("L:" text or "TOO_LONG:" text) and whole literals ("O:" octets) in order.
     */
    private static class LiteralSession implements OctetAwareSession {
        private static final Pattern MARKER = Pattern.compile(".*\\{(\\d+)\\+?}$");
        final List<String> events = new ArrayList<>();
        final ByteArrayOutputStream literal = new ByteArrayOutputStream();
        long pending;
        int maxLine;
        int largestChunk;

        LiteralSession(int maxLine) {
            this.maxLine = maxLine;
        }

        @Override
        public long pendingOctets() {
            return pending;
        }

        @Override
        public void onOctets(byte[] data, int off, int len) {
            assertTrue(len > 0 && len <= pending, "run of " + len + " with " + pending + " pending");
            largestChunk = Math.max(largestChunk, len);
            literal.write(data, off, len);
            pending -= len;
            if (pending == 0) {
                events.add("O:" + literal.toString(StandardCharsets.ISO_8859_1));
                literal.reset();
            }
        }

        @Override
        public void onLine(Line line) {
            assertEquals(0, pending, "a line while octets were expected");
            String text = new String(line.bytes(), StandardCharsets.ISO_8859_1);
            events.add((line.ending() == Line.Ending.TOO_LONG ? "TOO_LONG:" : "L:") + text);
            Matcher m = MARKER.matcher(text);
            if (line.ending() == Line.Ending.CRLF && m.matches()) {
                pending = Long.parseLong(m.group(1));
                if (pending == 0) {
                    events.add("O:");
                }
            }
        }

        @Override
        public void start() {
        }

        @Override
        public void onIdle() {
        }

        @Override
        public void onClose() {
        }

        @Override
        public int maxLineLength() {
            return maxLine;
        }

        @Override
        public int idleTimeoutSeconds() {
            return 0;
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String> inOneRead(String input, int maxLine) {
        LiteralSession s = new LiteralSession(maxLine);
        new LineAndOctetFramer(s).feed(b(input));
        return s.events;
    }

    /** Feeds the input cut at every position, and one byte at a time: always the events of a single read. */
    private static List<String> sameInEveryFragmentation(String input, int maxLine) {
        List<String> expected = inOneRead(input, maxLine);
        byte[] all = b(input);
        for (int cut = 0; cut <= all.length; cut++) {
            LiteralSession s = new LiteralSession(maxLine);
            LineAndOctetFramer f = new LineAndOctetFramer(s);
            f.feed(all, 0, cut);
            f.feed(all, cut, all.length - cut);
            assertEquals(expected, s.events, "input cut at " + cut);
        }
        LiteralSession s = new LiteralSession(maxLine);
        LineAndOctetFramer f = new LineAndOctetFramer(s);
        for (byte x : all) {
            f.feed(new byte[] {x});
        }
        assertEquals(expected, s.events, "one byte at a time");
        assertTrue(s.largestChunk <= 1, "byte-wise input gives byte-wise runs");
        return expected;
    }

    @Test
    void literalFedInEveryFragmentationDownToOneByte() {
        String in = "a1 APPEND INBOX {12}\r\nab\r\ncd\r\nef\r\n\r\na2 NOOP\r\n";
        assertEquals(List.of("L:a1 APPEND INBOX {12}", "O:ab\r\ncd\r\nef\r\n", "L:", "L:a2 NOOP"),
                sameInEveryFragmentation(in, 100));
    }

    @Test
    void literalSplitAcrossReadsResumesExactlyWhereItStopped() {
        LiteralSession s = new LiteralSession(100);
        LineAndOctetFramer f = new LineAndOctetFramer(s);
        f.feed(b("a1 LOGIN {5}\r\nbo"));
        assertEquals(3, f.pendingOctets());
        assertEquals(List.of("L:a1 LOGIN {5}"), s.events);
        f.feed(b("b\r\n"));
        assertEquals(0, f.pendingOctets(), "the CRLF inside the literal is data");
        f.feed(b(" pw\r\n"));
        assertEquals(List.of("L:a1 LOGIN {5}", "O:bob\r\n", "L: pw"), s.events);
    }

    @Test
    void literalFollowedByMoreCommandTextInTheSameRead() {
        assertEquals(List.of("L:a1 LOGIN {3}", "O:bob", "L: {6}", "O:secret", "L:", "L:a2 SELECT INBOX"),
                sameInEveryFragmentation("a1 LOGIN {3}\r\nbob {6}\r\nsecret\r\na2 SELECT INBOX\r\n", 100));
    }

    @Test
    void zeroLengthLiteralGoesStraightBackToLines() {
        LiteralSession s = new LiteralSession(100);
        LineAndOctetFramer f = new LineAndOctetFramer(s);
        f.feed(b("a1 LOGIN {0}\r\n {0}\r\n\r\na2 NOOP\r\n"));
        assertEquals(List.of("L:a1 LOGIN {0}", "O:", "L: {0}", "O:", "L:", "L:a2 NOOP"), s.events);
        assertEquals(0, s.largestChunk, "onOctets is never called with nothing");
    }

    @Test
    void pipelinedCommandsAfterANonSynchronizingLiteral() {
        assertEquals(List.of("L:a1 APPEND INBOX {4+}", "O:x\ny\r", "L:", "L:a2 NOOP", "L:a3 LOGOUT"),
                sameInEveryFragmentation("a1 APPEND INBOX {4+}\r\nx\ny\r\r\na2 NOOP\r\na3 LOGOUT\r\n", 100));
    }

    @Test
    void crLfAndNulInsideALiteralAreData() {
        List<String> events = sameInEveryFragmentation("a1 APPEND INBOX {7}\r\n\r\n\u0000\n\r\r\n\r\n", 100);
        assertEquals(List.of("L:a1 APPEND INBOX {7}", "O:\r\n\u0000\n\r\r\n", "L:"), events);
    }

    @Test
    void literalMayBeLongerThanTheLineLimitButLinesStayBounded() {
        String big = "0123456789".repeat(5);
        List<String> events = sameInEveryFragmentation("a1 APPEND X {50}\r\n" + big + "\r\n" + big + "\r\nok\r\n", 20);
        assertEquals(List.of("L:a1 APPEND X {50}", "O:" + big, "L:", "TOO_LONG:" + big.substring(0, 20), "L:ok"),
                events);
    }

    @Test
    void overLongLineEndingInABraceAnnouncesNothing() {
        // The cut-off line may have ended in {n}; it is reported TOO_LONG and framing stays on lines.
        List<String> events = inOneRead("a1 LOGIN " + "x".repeat(30) + " {3}\r\nabc\r\n", 20);
        assertEquals("TOO_LONG:a1 LOGIN xxxxxxxxxxx", events.get(0));
        assertEquals("L:abc", events.get(1));
    }

    @Test
    void limitFollowsTheSessionAfterEachLineAndAfterALiteral() {
        LiteralSession s = new LiteralSession(10);
        LineAndOctetFramer f = new LineAndOctetFramer(s);
        f.feed(b("a1 X {3}\r\n"));
        s.maxLine = 40;
        f.feed(b("abc a line longer than ten\r\n"));
        assertEquals(List.of("L:a1 X {3}", "O:abc", "L: a line longer than ten"), s.events);
    }

    @Test
    void plainLinesAreFramedAsByTheLineAssembler() {
        List<String> events = sameInEveryFragmentation("one\ntwo\r\nthree\r\n", 100);
        assertEquals(List.of("L:one", "L:two", "L:three"), events);
    }

    /** The switch to TLS (IMAP STARTTLS, RFC 3501 §6.2.1) forgets a literal in progress and the partial line. */
    @Test
    void discardForgetsALiteralInProgress() {
        LiteralSession s = new LiteralSession(100);
        LineAndOctetFramer f = new LineAndOctetFramer(s);
        f.feed(b("a1 LOGIN {5}\r\nab"));
        assertEquals(3, f.pendingOctets());
        f.discard();
        s.pending = 0; // as the IMAP session starts a fresh request reader
        assertEquals(0, f.pendingOctets());
        assertEquals(0, f.pendingLineBytes());
        f.feed(b("a2 NOOP\r\n"));
        assertEquals(List.of("L:a1 LOGIN {5}", "L:a2 NOOP"), s.events);
    }

    /** Discarding from inside the session drops the rest of the read: nothing pipelined after STARTTLS runs. */
    @Test
    void discardFromTheSessionDropsTheRestOfTheRead() {
        LineAndOctetFramer[] framer = new LineAndOctetFramer[1];
        LiteralSession s = new LiteralSession(100) {
            @Override
            public void onLine(Line line) {
                super.onLine(line);
                if (line.text().equals("a STARTTLS")) {
                    framer[0].discard();
                }
            }
        };
        framer[0] = new LineAndOctetFramer(s);
        framer[0].feed(b("a STARTTLS\r\nb NOOP\r\nc APPEND x {3+}\r\nabc\r\nd"));
        assertEquals(List.of("L:a STARTTLS"), s.events);
        assertEquals(0, framer[0].pendingLineBytes());
        framer[0].feed(b("e NOOP\r\n"));
        assertEquals(List.of("L:a STARTTLS", "L:e NOOP"), s.events);
    }
}
