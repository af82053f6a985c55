package org.atrium.connector.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineAssemblerTest {

    private final List<Line> lines = new ArrayList<>();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void splitsCrlfLinesFedOneByteAtATime() {
        LineAssembler a = new LineAssembler(20, lines::add);
        for (byte x : b("EHLO a\r\nNOOP\r\n")) {
            a.feed(new byte[] {x});
        }
        assertEquals(2, lines.size());
        assertEquals("EHLO a", lines.get(0).text());
        assertEquals(Line.Ending.CRLF, lines.get(0).ending());
        assertEquals("NOOP", lines.get(1).text());
        assertEquals(0, a.pending());
    }

    @Test
    void crlfSplitAcrossReadsIsStillCrlf() {
        LineAssembler a = new LineAssembler(20, lines::add);
        a.feed(b("QUIT\r"));
        assertEquals(0, lines.size());
        a.feed(b("\n"));
        assertEquals(Line.Ending.CRLF, lines.get(0).ending());
        assertEquals("QUIT", lines.get(0).text());
    }

    @Test
    void bareLfAndBareCrAreReported() {
        LineAssembler a = new LineAssembler(20, lines::add);
        a.feed(b("one\ntwo\rthree\r\n"));
        assertEquals(Line.Ending.BARE_LF, lines.get(0).ending());
        assertEquals(Line.Ending.CRLF, lines.get(1).ending());
        assertEquals(true, lines.get(1).hasBareCr());
    }

    @Test
    void lineOfExactlyTheLimitIsAccepted() {
        LineAssembler a = new LineAssembler(4, lines::add);
        a.feed(b("abcd\r\nabcd\n"));
        assertEquals(Line.Ending.CRLF, lines.get(0).ending());
        assertEquals(Line.Ending.BARE_LF, lines.get(1).ending());
    }

    @Test
    void overLongLineIsCutReportedOnceAndNextLineIsClean() {
        LineAssembler a = new LineAssembler(4, lines::add);
        a.feed(b("abcdefghij"));
        a.feed(b("klmnop\r"));
        assertEquals(0, lines.size());
        assertEquals(5, a.pending(), "never buffers more than the limit plus a CR");
        a.feed(b("\nok\r\n"));
        assertEquals(2, lines.size());
        assertEquals(Line.Ending.TOO_LONG, lines.get(0).ending());
        assertArrayEquals(b("abcd"), lines.get(0).bytes());
        assertEquals("ok", lines.get(1).text());
        assertEquals(Line.Ending.CRLF, lines.get(1).ending());
    }

    @Test
    void limitCanBeRaisedBetweenLines() {
        LineAssembler a = new LineAssembler(4, lines::add);
        a.feed(b("DATA\r\n"));
        a.maxLength(100);
        a.feed(b("a much longer text line\r\n"));
        assertEquals(Line.Ending.CRLF, lines.get(1).ending());
    }

    /**
     * STARTTLS command injection (RFC 3207 §4.2): when the sink discards while handling a line, the bytes after that
     * line in the same read, and the partial line, are dropped; framing resumes clean with the next read.
     */
    @Test
    void discardInsideTheSinkDropsTheRestOfTheRead() {
        LineAssembler[] a = new LineAssembler[1];
        a[0] = new LineAssembler(100, line -> {
            lines.add(line);
            if (line.text().equals("STARTTLS")) {
                a[0].discard();
            }
        });
        a[0].feed(b("EHLO x\r\nSTARTTLS\r\nRSET\r\nMAIL FROM:<a@b.c>\r\nQUI"));
        assertEquals(List.of("EHLO x", "STARTTLS"), lines.stream().map(Line::text).toList());
        assertEquals(0, a[0].pending());
        a[0].feed(b("EHLO y\r\n"));
        assertEquals(List.of("EHLO x", "STARTTLS", "EHLO y"), lines.stream().map(Line::text).toList());
    }

    @Test
    void discardOutsideAFeedOnlyForgetsThePartialLine() {
        LineAssembler a = new LineAssembler(100, lines::add);
        a.feed(b("RSE"));
        a.discard();
        a.feed(b("NOOP\r\nQUIT\r\n"));
        assertEquals(List.of("NOOP", "QUIT"), lines.stream().map(Line::text).toList());
    }
}
