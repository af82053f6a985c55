package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the header section (RFC 5322 §2.2) and leaving the body in the stream. */
class HeaderSectionTest {

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void stopsAtTheEmptyLineAndLeavesTheBody() throws IOException {
        InputStream s = in("A: 1\r\nB: two\r\n  folded\r\n\r\nbody\r\nA: not a field\r\n");
        HeaderSection h = HeaderSection.read(s, 1000);
        assertTrue(h.complete());
        assertEquals("A: 1\r\nB: two\r\n  folded\r\n\r\n", text(h.raw()));
        assertEquals(List.of("A: 1", "B: two\r\n  folded"), h.fields());
        assertEquals("two  folded", HeaderSection.value(h.fields().get(1)));
        assertEquals("body\r\nA: not a field\r\n", text(s.readAllBytes()));
    }

    @Test
    void bareLineFeedsAndEmptySectionsAndEof() throws IOException {
        assertEquals("A: 1\n\n", text(HeaderSection.read(in("A: 1\n\nbody"), 1000).raw()));
        assertEquals("\r\n", text(HeaderSection.read(in("\r\nbody"), 1000).raw()));
        HeaderSection noBody = HeaderSection.read(in("A: 1\r\n"), 1000);
        assertTrue(noBody.complete());
        assertEquals(List.of("A: 1"), noBody.fields());
    }

    @Test
    void overTheLimitIsIncompleteAndKeptAsItIs() throws IOException {
        InputStream s = in("A: " + "x".repeat(100) + "\r\n\r\nbody");
        HeaderSection h = HeaderSection.read(s, 50);
        assertFalse(h.complete());
        assertEquals(50, h.raw().length);
        assertEquals(h.raw(), h.without(f -> true), "an incomplete section is not rewritten");
    }

    @Test
    void withoutDropsWholeFoldedFieldsOnly() throws IOException {
        HeaderSection h = HeaderSection.read(in("A: 1\r\nDrop: me\r\n\tand me\r\nB: 2\r\nDrop: again\r\n\r\n"), 1000);
        assertEquals("A: 1\r\nB: 2\r\n\r\n", text(h.without(f -> HeaderSection.name(f).equals("Drop"))));
        assertEquals(text(h.raw()), text(h.without(f -> false)));
        assertTrue(h.has("drop"));
        assertFalse(h.has("C"));
    }
}
