package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** STORE and UID STORE through the session (RFC 3501 §6.4.6, §6.4.8; RFC 7162 §3.1.3). */
class StoreProcessorTest {

    @Test
    void addFlagsAnswersTheNewFlagsRfc3501s6_4_6Example() {
        InMemoryMailStore store = MessageFixtures.store(4);
        store.folder("alice", "INBOX").messages.get(2L).flags = Set.of("\\Seen");
        store.folder("alice", "INBOX").messages.get(4L).flags = Set.of("\\Flagged", "\\Seen");
        ImapHarness c = MessageFixtures.selected(store);
        // RFC 3501 §6.4.6: A003 STORE 2:4 +FLAGS (\Deleted)
        assertEquals(List.of("* 2 FETCH (FLAGS (\\Deleted \\Seen \\Recent))", "* 3 FETCH (FLAGS (\\Deleted \\Recent))",
                "* 4 FETCH (FLAGS (\\Flagged \\Deleted \\Seen \\Recent))", "A003 OK STORE completed"),
                c.send("A003 STORE 2:4 +FLAGS (\\Deleted)"));
        // The session's own change is not reported again as a foreign one.
        assertEquals(List.of("n OK NOOP completed"), c.send("n NOOP"));
    }

    @Test
    void replaceRemoveKeywordsAndSilent() {
        InMemoryMailStore store = MessageFixtures.store(2);
        ImapHarness c = MessageFixtures.selected(store);
        assertEquals(List.of("* 1 FETCH (FLAGS (\\Answered $Work \\Recent))", "a OK STORE completed"),
                c.send("a STORE 1 FLAGS (\\Answered $Work)"));
        assertEquals(List.of("* 1 FETCH (FLAGS ($Work \\Recent))", "b OK STORE completed"),
                c.send("b STORE 1 -FLAGS (\\Answered)"));
        assertEquals(List.of("c OK STORE completed"), c.send("c STORE 1:2 +FLAGS.SILENT (\\Seen)"));
        assertEquals(Set.of("\\Seen"), store.folder("alice", "INBOX").messages.get(2L).flags);
    }

    @Test
    void uidStoreIncludesTheUidRfc3501s6_4_8() {
        ImapHarness c = MessageFixtures.selected(MessageFixtures.store(3));
        assertEquals(List.of("* 3 FETCH (UID 3 FLAGS (\\Flagged \\Recent))", "a OK UID STORE completed"),
                c.send("a UID STORE 3:9 +FLAGS (\\Flagged)"));
    }

    @Test
    void refusals() {
        ImapHarness c = MessageFixtures.selected(MessageFixtures.store(2));
        assertEquals(List.of("a BAD STORE: \\Recent cannot be set"), c.send("a STORE 1 +FLAGS (\\Recent)"));
        assertEquals(List.of("b BAD Invalid message sequence number"), c.send("b STORE 3 +FLAGS (\\Seen)"));
        ImapHarness ro = MessageFixtures.selected(MessageFixtures.store(1), "EXAMINE INBOX");
        assertEquals(List.of("c NO Mailbox is read-only"), ro.send("c STORE 1 +FLAGS (\\Seen)"));
    }

    @Test
    void unchangedSinceReportsModifiedRfc7162s3_1_3() {
        InMemoryMailStore store = MessageFixtures.store(3); // MODSEQ 2, 3, 4
        ImapHarness a = MessageFixtures.selected(store);
        ImapHarness b = MessageFixtures.selected(store);
        b.send("b1 STORE 2 +FLAGS (\\Answered)"); // message 2 now MODSEQ 5
        a.out.drainLines();
        assertEquals(List.of("* OK [HIGHESTMODSEQ 4] Highest",
                "* 1 FETCH (FLAGS (\\Seen \\Recent) MODSEQ (6))", "* 3 FETCH (FLAGS (\\Seen \\Recent) MODSEQ (7))",
                // the refresh before the tagged response tells of b's change, which made message 2 fail
                "* 2 FETCH (UID 2 FLAGS (\\Answered \\Recent) MODSEQ (5))",
                "a1 OK [MODIFIED 2] Conditional STORE failed"),
                a.send("a1 STORE 1:3 (UNCHANGEDSINCE 4) +FLAGS (\\Seen)"));
        assertEquals(Set.of("\\Answered"), store.folder("alice", "INBOX").messages.get(2L).flags);
    }

    @Test
    void silentStoreStillSendsModseqUnderCondstoreRfc7162s3_1_3() {
        ImapHarness c = MessageFixtures.selected(MessageFixtures.store(1), "SELECT INBOX (CONDSTORE)");
        assertEquals(List.of("* 1 FETCH (UID 1 MODSEQ (3))", "a OK UID STORE completed"),
                c.send("a UID STORE 1 +FLAGS.SILENT (\\Seen)"));
    }

    @Test
    void qresyncStoreResponsesCarryTheUidRfc7162s3_2_4() {
        ImapHarness c = MessageFixtures.selected(MessageFixtures.store(1), "SELECT INBOX", "QRESYNC");
        assertEquals(List.of("* 1 FETCH (UID 1 FLAGS (\\Seen \\Recent) MODSEQ (3))", "a OK STORE completed"),
                c.send("a STORE 1 +FLAGS (\\Seen)"));
    }

    @Test
    void anotherSessionsExpungeIsHeldBackDuringStoreRfc3501s7_4_1() {
        InMemoryMailStore store = MessageFixtures.store(2);
        ImapHarness a = MessageFixtures.selected(store);
        MessageFixtures.expungeInAnotherSession(store, 1);
        a.out.drainLines();
        assertEquals(List.of("* 2 FETCH (FLAGS (\\Flagged \\Recent))", "a1 OK STORE completed"),
                a.send("a1 STORE 1:2 +FLAGS (\\Flagged)"));
        assertEquals(List.of("* 1 EXPUNGE", "a2 OK NOOP completed"), a.send("a2 NOOP"));
    }
}
