package org.atrium.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** How the quota forms read and show sizes. */
class ByteSizeTest {

    @Test
    void blankMeansNotSet() {
        assertNull(ByteSize.parse(null));
        assertNull(ByteSize.parse("  "));
        assertEquals("", ByteSize.format(null));
    }

    @Test
    void unitsAreBinary() {
        assertEquals(0L, ByteSize.parse("0"));
        assertEquals(123_456L, ByteSize.parse(" 123456 "));
        assertEquals(500L * 1024 * 1024, ByteSize.parse("500M"));
        assertEquals(2L * 1024 * 1024 * 1024, ByteSize.parse("2 GB"));
        assertEquals(2L * 1024 * 1024 * 1024, ByteSize.parse("2GiB"));
        assertEquals(1536L, ByteSize.parse("1.5k"));
        assertEquals(3L << 40, ByteSize.parse("3T"));
    }

    @Test
    void refusesWhatIsNoSize() {
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("-1"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("12 apples"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("5P"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("1.5"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("99999999999T"));
    }

    @Test
    void formatsForPeople() {
        assertEquals("0 B", ByteSize.format(0L));
        assertEquals("1023 B", ByteSize.format(1023L));
        assertEquals("1 K", ByteSize.format(1024L));
        assertEquals("1.5 K", ByteSize.format(1536L));
        assertEquals("500 M", ByteSize.format(500L * 1024 * 1024));
        assertEquals("2 G", ByteSize.format(2L << 30));
        assertEquals("2048 T", ByteSize.format(2048L << 40));
    }

    @Test
    void whatIsShownReadsBack() {
        for (long n : new long[] {0, 1, 1024, 1536, 500L << 20, 2L << 30}) {
            assertEquals(n, ByteSize.parse(ByteSize.format(n).replace(" B", "")), "for " + n);
        }
    }
}
