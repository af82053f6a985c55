package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.atrium.connector.imap.ImapRequestReader.Step;
import org.atrium.connector.net.Line;
import org.atrium.connector.net.LineAssembler;
import org.junit.jupiter.api.Test;

class ImapRequestReaderTest {

    private static final ImapRequestLimits SMALL = new ImapRequestLimits(64, 10, 20, 100, 3, 4);

    /** A host in miniature: lines through a LineAssembler, literals as raw octets, as the steps ask. */
    static final class Host {
        final ImapRequestReader reader;
        final List<Step> steps = new ArrayList<>();
        final LineAssembler lines;
        long raw;

        Host(ImapRequestLimits limits) {
            reader = new ImapRequestReader(limits);
            lines = new LineAssembler(limits.maxLineLength(), l -> handle(reader.onLine(l)));
        }

        void handle(Step s) {
            if (!(s instanceof Step.Continue)) {
                steps.add(s);
            }
            if (s instanceof Step.NeedLiteral n) {
                raw = n.octets();
            } else if (s instanceof Step.TooBig t) {
                raw = t.discardOctets();
            } else if (s instanceof Step.Bad b) {
                raw = b.discardOctets();
            }
        }

        void feed(byte[] data, int off, int len) {
            int i = off;
            int end = off + len;
            while (i < end) {
                if (raw > 0) {
                    int n = (int) Math.min(raw, end - i);
                    raw -= n;
                    handle(reader.onLiteralBytes(data, i, n));
                    i += n;
                } else {
                    lines.feed(data, i, 1); // one octet, so a switch to raw octets right after LF is exact
                    i++;
                }
            }
        }

        Host feed(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            feed(b, 0, b.length);
            return this;
        }

        List<ImapCommandLine> commands() {
            List<ImapCommandLine> c = new ArrayList<>();
            for (Step s : steps) {
                if (s instanceof Step.Complete k) {
                    c.add(k.command());
                }
            }
            return c;
        }
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void simpleCommandHasTagUpperCaseNameAndArguments() {
        Host h = new Host(ImapRequestLimits.DEFAULTS).feed("a001 login SMITH SESAME\r\n");
        ImapCommandLine c = h.commands().get(0);
        assertEquals("a001", c.tag());
        assertEquals("LOGIN", c.name());
        assertEquals(" SMITH SESAME", text(c.segments().get(0)));
        assertEquals(0, c.literals().size());
    }

    @Test
    void synchronizingLiteralAsksForContinuationAndIsSplicedIn() {
        Host h = new Host(ImapRequestLimits.DEFAULTS).feed("A003 APPEND saved (\\Seen) {5}\r\n");
        assertEquals(new Step.NeedLiteral(5, true), h.steps.get(0));
        h.feed("Hello\r\n");
        ImapCommandLine c = h.commands().get(0);
        assertEquals(" saved (\\Seen) ", text(c.segments().get(0)));
        assertEquals("Hello", text(c.literals().get(0).data()));
        assertEquals("", text(c.segments().get(1)));
    }

    @Test
    void nonSynchronizingAndBinaryLiterals() {
        Host h = new Host(ImapRequestLimits.DEFAULTS).feed("x LOGIN {3+}\r\nbob ~{2+}\r\na\0\r\n");
        assertEquals(new Step.NeedLiteral(3, false), h.steps.get(0));
        ImapCommandLine c = h.commands().get(0);
        assertEquals("bob", text(c.literals().get(0).data()));
        assertEquals(false, c.literals().get(0).binary());
        assertEquals(true, c.literals().get(1).binary());
        assertArrayEquals(new byte[] {'a', 0}, c.literals().get(1).data());
        assertEquals(" ", text(c.segments().get(1)));
    }

    @Test
    void zeroLengthLiteral() {
        Host h = new Host(ImapRequestLimits.DEFAULTS).feed("x LOGIN {0}\r\n {0+}\r\n\r\n");
        assertEquals(new Step.NeedLiteral(0, true), h.steps.get(0));
        ImapCommandLine c = h.commands().get(0);
        assertEquals(2, c.literals().size());
        assertEquals(0, c.literals().get(1).data().length);
    }

    @Test
    void literalContainingCrlfAndBracesIsNotFramedAsLines() {
        String body = "a\r\nb {3}\r\n";
        Host h = new Host(ImapRequestLimits.DEFAULTS).feed("t APPEND INBOX {" + body.length() + "+}\r\n" + body
                + "\r\nu NOOP\r\n");
        assertEquals(2, h.commands().size());
        assertEquals(body, text(h.commands().get(0).literals().get(0).data()));
        assertEquals("NOOP", h.commands().get(1).name());
    }

    @Test
    void sameResultOneByteAtATimeAndInRandomFragments() {
        String input = "a1 LOGIN {4+}\r\nuser {6+}\r\np\r\ns\0x ~{3}\r\n\0\r\n\r\na2 NOOP\r\n"
                + "a3 SELECT {5}\r\nINBOX (CONDSTORE)\r\n";
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        String expected = describe(whole(bytes));
        Random rnd = new Random(42);
        for (int round = 0; round < 200; round++) {
            Host h = new Host(ImapRequestLimits.DEFAULTS);
            int i = 0;
            while (i < bytes.length) {
                int n = round == 0 ? 1 : 1 + rnd.nextInt(Math.min(9, bytes.length - i));
                h.feed(bytes, i, n);
                i += n;
            }
            assertEquals(expected, describe(h), "round " + round);
        }
    }

    private static Host whole(byte[] bytes) {
        Host h = new Host(ImapRequestLimits.DEFAULTS);
        h.feed(bytes, 0, bytes.length);
        return h;
    }

    private static String describe(Host h) {
        StringBuilder sb = new StringBuilder();
        for (ImapCommandLine c : h.commands()) {
            sb.append(c).append('|');
            for (ImapCommandLine.Literal l : c.literals()) {
                sb.append(new String(l.data(), StandardCharsets.ISO_8859_1)).append('|');
            }
        }
        assertEquals(3, h.commands().size());
        return sb.toString();
    }

    @Test
    void synchronizingLiteralOverTheLimitIsRefusedWithoutReadingIt() {
        Host h = new Host(SMALL).feed("a LOGIN {11}\r\n");
        assertEquals(new Step.TooBig("a", 11, true), h.steps.get(0));
        assertEquals(0, h.raw);
        h.feed("b NOOP\r\n");
        assertEquals("b", h.commands().get(0).tag());
    }

    @Test
    void appendHasItsOwnLiteralLimit() {
        Host h = new Host(SMALL).feed("a APPEND x {20}\r\n");
        assertEquals(new Step.NeedLiteral(20, true), h.steps.get(0));
        h.feed("0123456789012345678\n\r\n");
        assertEquals(1, h.commands().size());
        h.feed("b APPEND x {21}\r\n");
        assertEquals(new Step.TooBig("b", 21, true), h.steps.get(2));
    }

    @Test
    void nonSynchronizingLiteralOverTheLimitIsDiscardedWithTheRestOfTheCommand() {
        Host h = new Host(SMALL).feed("a LOGIN {12+}\r\nNOOP\r\nb BAD x {2+}\r\nzz rest\r\nc NOOP\r\n");
        Step.TooBig t = assertInstanceOf(Step.TooBig.class, h.steps.get(0));
        assertEquals(12, t.discardOctets());
        assertEquals(1, h.commands().size());
        assertEquals("c", h.commands().get(0).tag());
    }

    @Test
    void synchronizingLiteralWhileDiscardingEndsTheRejectedCommand() {
        Host h = new Host(SMALL).feed("a LOGIN {12+}\r\n0123456789ab {3}\r\nb NOOP\r\n");
        assertInstanceOf(Step.TooBig.class, h.steps.get(0));
        assertInstanceOf(Step.Complete.class, h.steps.get(1), "no continuation asked for the dropped literal");
        assertEquals("b", h.commands().get(0).tag());
    }

    @Test
    void bareLfLinesAreTolerated() {
        Host h = new Host(ImapRequestLimits.DEFAULTS).feed("a LOGIN {1}\nx y\nb NOOP\n");
        assertEquals(2, h.commands().size());
        assertEquals("x", text(h.commands().get(0).literals().get(0).data()));
    }

    @Test
    void tooManyLiterals() {
        Host h = new Host(SMALL).feed("a X {1+}\r\n1 {1+}\r\n2 {1+}\r\n3 {1+}\r\n4\r\nb NOOP\r\n");
        Step.Bad bad = assertInstanceOf(Step.Bad.class, h.steps.get(h.steps.size() - 2));
        assertEquals("Too many literals", bad.message());
        assertEquals("b", h.commands().get(0).tag());
    }

    @Test
    void commandSizeIsBoundedAcrossLiterals() {
        ImapRequestLimits l = new ImapRequestLimits(64, 60, 60, 60, 10, 4);
        Host h = new Host(l).feed("a X {40}\r\n");
        h.feed("x".repeat(40) + " {30}\r\n");
        assertEquals(new Step.TooBig("a", 30, true), h.steps.get(1));
    }

    @Test
    void overLongLineIsFatal() {
        Host h = new Host(SMALL).feed("a NOOP " + "x".repeat(100) + "\r\n");
        assertInstanceOf(Step.Fatal.class, h.steps.get(0));
    }

    @Test
    void badLiteralCounts() {
        for (String marker : new String[] {"{-1}", "{99999999999999999999}", "{}", "{+}", "{+5}", "{5++}", "{1x}", "~{ 1}"}) {
            Host h = new Host(ImapRequestLimits.DEFAULTS).feed("a LOGIN " + marker + "\r\nb NOOP\r\n");
            Step.Bad bad = assertInstanceOf(Step.Bad.class, h.steps.get(0), marker);
            assertEquals("a", bad.tag());
            assertEquals("Invalid literal count", bad.message());
            assertEquals("b", h.commands().get(0).tag(), marker);
        }
    }

    @Test
    void unterminatedLiteralMarkerIsJustText() {
        Host h = new Host(ImapRequestLimits.DEFAULTS).feed("a LOGIN {1\r\nb LOGIN x a}\r\n");
        assertEquals(" {1", text(h.commands().get(0).segments().get(0)));
        assertEquals(" x a}", text(h.commands().get(1).segments().get(0)));
    }

    @Test
    void badTagsAndNames() {
        Host h = new Host(ImapRequestLimits.DEFAULTS).feed("\r\n+ NOOP\r\n* NOOP\r\nabc\r\nabc NO\"OP\r\n");
        assertEquals(List.of(new Step.Bad("*", "Invalid tag", 0), new Step.Bad("*", "Invalid tag", 0),
                new Step.Bad("abc", "Missing command", 0), new Step.Bad("abc", "Invalid command name", 0)), h.steps);
    }

    @Test
    void rejectedFirstLineWithNonSynchronizingLiteralDropsTheLiteral() {
        Host h = new Host(ImapRequestLimits.DEFAULTS).feed("+ LOGIN {5+}\r\nb X Y\r\n\r\nc NOOP\r\n");
        assertEquals(new Step.Bad("*", "Invalid tag", 5), h.steps.get(0));
        assertEquals(1, h.commands().size());
        assertEquals("c", h.commands().get(0).tag());
    }

    @Test
    void hostMisuseIsAnIllegalState() {
        ImapRequestReader r = new ImapRequestReader(ImapRequestLimits.DEFAULTS);
        assertThrows(IllegalStateException.class, () -> r.onLiteralBytes(new byte[1], 0, 1));
        r.onLine(new Line("a X {2}".getBytes(StandardCharsets.US_ASCII), Line.Ending.CRLF));
        assertThrows(IllegalArgumentException.class, () -> r.onLiteralBytes(new byte[3], 0, 3));
        assertThrows(IllegalStateException.class, () -> r.onLine(new Line(new byte[0], Line.Ending.CRLF)));
    }
}
