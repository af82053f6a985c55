package org.atrium.connector.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

/**
 * Checks offsets against the raw bytes: ranges nest and are ordered, sizes and line counts match the bytes, and every
 * multipart child's body is followed by EOL + delimiter (RFC 2046 §5.1.1), so slicing serves exactly the part.
 */
final class OffsetInvariants {
    private OffsetInvariants() {
    }

    static void check(byte[] raw, ParsedMessage m) {
        assertEquals(0, m.body().headerStart());
        assertEquals(raw.length, m.body().bodyEnd());
        check(raw, m.body());
    }

    private static void check(byte[] raw, MimePart p) {
        assertTrue(0 <= p.headerStart() && p.headerStart() <= p.bodyStart() && p.bodyStart() <= p.bodyEnd()
                && p.bodyEnd() <= raw.length, p::toString);
        assertEquals(p.bodyEnd() - p.bodyStart(), p.bodySize());
        assertEquals(lines(raw, p.bodyStart(), p.bodyEnd()), p.bodyLines(), p::toString);
        if (p.isMessage()) {
            assertEquals(p.bodyStart(), p.messageBody().headerStart());
            assertEquals(p.bodyEnd(), p.messageBody().bodyEnd());
            check(raw, p.messageBody());
        }
        long previousEnd = p.bodyStart();
        for (MimePart c : p.children()) {
            assertTrue(c.headerStart() >= previousEnd && c.bodyEnd() <= p.bodyEnd());
            String before = new String(raw, (int) p.bodyStart(), (int) (c.headerStart() - p.bodyStart()),
                    StandardCharsets.ISO_8859_1);
            assertTrue(before.matches("(?s).*--" + java.util.regex.Pattern.quote(p.boundary()) + "[ \t]*(\r?\n)?"),
                    "delimiter line precedes the child");
            String after = new String(raw, (int) c.bodyEnd(), (int) Math.min(raw.length - c.bodyEnd(), 200),
                    StandardCharsets.ISO_8859_1);
            if (c.bodyEnd() < p.bodyEnd()) {
                assertTrue(after.matches("(?s)(\r?\n)?--" + java.util.regex.Pattern.quote(p.boundary()) + ".*"),
                        () -> "child body followed by delimiter: " + after);
            }
            previousEnd = c.bodyEnd();
            check(raw, c);
        }
    }

    static long lines(byte[] raw, long from, long to) {
        long n = 0;
        for (long i = from; i < to; i++) {
            if (raw[(int) i] == '\n') {
                n++;
            }
        }
        return to > from && raw[(int) to - 1] != '\n' ? n + 1 : n;
    }
}
