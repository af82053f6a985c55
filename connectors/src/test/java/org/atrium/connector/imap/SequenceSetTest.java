package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SequenceSetTest {

    private static SequenceSet p(String s) throws ImapSyntaxException {
        return SequenceSet.parse(s, true);
    }

    @Test
    void starResolvesToTheHighestNumberAndRangesWorkInEitherOrder() throws Exception {
        SequenceSet s = p("*:4");
        assertTrue(s.contains(4, 10));
        assertTrue(s.contains(10, 10));
        assertFalse(s.contains(3, 10));
        assertTrue(s.contains(3, 3), "*:4 with 3 messages is 3:4");
        assertTrue(p("4:2").contains(3, 10));
        assertTrue(p("*").contains(7, 7));
        assertFalse(p("*").contains(6, 7));
        assertFalse(p("1:*").contains(1, 0), "empty mailbox: * is 0 and matches nothing from 1");
    }

    @Test
    void listsOfNumbersAndRanges() throws Exception {
        SequenceSet s = p("1,3:5,7:*");
        assertEquals("1,3:5,7:*", s.toString());
        assertTrue(s.contains(1, 9));
        assertFalse(s.contains(2, 9));
        assertTrue(s.contains(4, 9));
        assertFalse(s.contains(6, 9));
        assertTrue(s.contains(9, 9));
        assertTrue(p("4294967295").contains(4294967295L, 4294967295L));
        assertFalse(p("1:*").contains(11, 10), "numbers beyond max do not exist");
    }

    @Test
    void savedResult() throws Exception {
        SequenceSet s = p("$");
        assertTrue(s.saved());
        assertThrows(IllegalStateException.class, () -> s.contains(1, 1));
        assertThrows(ImapSyntaxException.class, () -> SequenceSet.parse("$", false));
    }

    @Test
    void invalidSets() {
        for (String bad : new String[] {"0", "1:0", "0:*", "", ",", "1,", ":1", "1:", "1::2", "01", "4294967296",
                "99999999999", "1:2:3", "$,1", "-1", "a", "**"}) {
            assertThrows(ImapSyntaxException.class, () -> p(bad), bad);
        }
    }
}
