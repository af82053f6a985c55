package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.atrium.connector.imap.port.FolderChanges;
import org.atrium.connector.imap.port.MessageState;
import org.atrium.connector.imap.port.SelectedFolder;
import org.junit.jupiter.api.Test;

/** The selected-mailbox view: seq↔uid (RFC 3501 §2.3.1), \Recent, and the updates {@link SelectedMailbox} computes. */
class SelectedMailboxTest {

    private static MessageState m(long uid, long modseq, String... flags) {
        return new MessageState(uid, Set.of(flags), modseq);
    }

    private static SelectedMailbox view() {
        return SelectedMailbox.of(new SelectedFolder(7, "INBOX", 99, 21, 50,
                List.of(m(3, 10), m(5, 11, "\\Seen"), m(9, 12), m(20, 13, "$Work")), 5, List.of("$Work")), false);
    }

    private static final SelectedMailbox.Reporting PLAIN = new SelectedMailbox.Reporting(true, false, false);

    @Test
    void sequenceNumbersAndUidsMapBothWays() {
        SelectedMailbox v = view();
        assertEquals(4, v.exists());
        assertEquals(9, v.uid(3));
        assertEquals(3, v.seq(9));
        assertEquals(0, v.seq(4));
        assertEquals(0, v.seq(21));
        assertEquals(2, v.recentCount()); // uids 9 and 20 are above the floor 5
        assertEquals(1, v.firstUnseen());
        assertEquals(List.of("$Work", "\\Recent"), v.fetchFlags(4));
    }

    @Test
    void resolveSequenceAndUidSets() throws Exception {
        SelectedMailbox v = view();
        assertEquals(List.of(2, 3, 4), v.resolve(SequenceSet.parse("2:*", false), false, List.of()));
        assertEquals(List.of(2, 3), v.resolve(SequenceSet.parse("4:10", false), true, List.of()));
        assertEquals(List.of(4), v.resolve(SequenceSet.parse("*", false), true, List.of()));
        assertEquals(List.of(1, 4), v.resolve(SequenceSet.SAVED, false, List.of(20L, 3L, 4L)));
    }

    @Test
    void uidSetIsCompact() {
        assertEquals("1:3,5,7:8", SelectedMailbox.uidSet(List.of(8L, 1L, 2L, 3L, 5L, 7L)));
        assertEquals("", SelectedMailbox.uidSet(List.of()));
    }

    @Test
    void refreshReportsExpungeFromTheTopThenExistsThenFlagChanges() {
        SelectedMailbox v = view();
        List<String> out = v.refresh(new FolderChanges(60, 23, List.of(m(9, 55, "\\Flagged"), m(22, 56)),
                List.of(3L, 5L), 21), PLAIN);
        assertEquals(List.of("2 EXPUNGE", "1 EXPUNGE", "3 EXISTS", "3 RECENT",
                "1 FETCH (UID 9 FLAGS (\\Flagged \\Recent))"),
                out);
        assertEquals(60, v.highestModseq());
        assertEquals(23, v.uidNext());
        assertEquals(List.of(9L, 20L, 22L), v.uids());
    }

    @Test
    void expungesArePendingUntilAllowedRfc3501s7_4_1() {
        SelectedMailbox v = view();
        List<String> out = v.refresh(new FolderChanges(60, 21, List.of(), List.of(5L), Long.MAX_VALUE),
                new SelectedMailbox.Reporting(false, false, false));
        assertEquals(List.of(), out);
        assertTrue(v.isExpunged(2));
        assertTrue(v.hasPendingExpunges());
        assertEquals(4, v.exists());
        assertEquals(List.of("2 EXPUNGE"), v.refresh(new FolderChanges(60, 21, List.of(), List.of(), Long.MAX_VALUE),
                PLAIN));
        assertFalse(v.hasPendingExpunges());
    }

    @Test
    void ownStoreIsNotReportedAgain() {
        SelectedMailbox v = view();
        v.update(m(5, 51, "\\Seen", "\\Answered"));
        assertEquals(List.of(), v.refresh(new FolderChanges(51, 21, List.of(m(5, 51, "\\Seen", "\\Answered")),
                List.of(), Long.MAX_VALUE), PLAIN));
    }

    @Test
    void newKeywordIsAnnouncedWithFlags() {
        SelectedMailbox v = view();
        List<String> out = v.refresh(new FolderChanges(52, 21, List.of(m(3, 52, "$Todo")), List.of(),
                Long.MAX_VALUE), new SelectedMailbox.Reporting(true, true, false));
        assertEquals(List.of("FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work $Todo)",
                "1 FETCH (UID 3 FLAGS ($Todo) MODSEQ (52))"), out);
    }

    @Test
    void vanishedWithQresyncRfc7162s3_2_10() {
        SelectedMailbox v = view();
        assertEquals(List.of("VANISHED 3,9", "2 EXISTS"), v.refresh(new FolderChanges(60, 21, List.of(),
                List.of(3L, 9L), Long.MAX_VALUE), new SelectedMailbox.Reporting(true, true, true)));
        assertEquals(List.of("VANISHED 20"), v.expunged(List.of(20L), true));
        assertEquals(List.of("1 EXPUNGE"), v.expunged(List.of(5L), false));
    }
}
