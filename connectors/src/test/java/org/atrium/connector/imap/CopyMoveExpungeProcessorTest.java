package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * COPY, MOVE and EXPUNGE with their UID forms through the session (RFC 3501 §6.4.3, §6.4.7; UIDPLUS RFC 4315; MOVE
 * RFC 6851; VANISHED RFC 7162 §3.2.10). INBOX holds UIDs 1..5; {@code Archive} exists with UIDVALIDITY 1001.
 */
class CopyMoveExpungeProcessorTest {

    private InMemoryMailStore store;

    @BeforeEach
    void setUp() {
        store = MessageFixtures.store(5);
        store.addFolder("alice", "Archive", "\\Archive");
    }

    private long archiveValidity() {
        return store.folder("alice", "Archive").uidValidity;
    }

    @Test
    void copyAnswersCopyUidRfc4315s3() {
        ImapHarness c = MessageFixtures.selected(store);
        assertEquals(List.of("a OK [COPYUID " + archiveValidity() + " 2:3,5 1:3] COPY completed"),
                c.send("a COPY 2:3,5 Archive"));
        assertEquals(List.of("b OK [COPYUID " + archiveValidity() + " 1 4] UID COPY completed"),
                c.send("b UID COPY 1 Archive"));
        assertEquals(4, store.folder("alice", "Archive").messages.size());
        assertEquals(5, store.folder("alice", "INBOX").messages.size());
    }

    @Test
    void copyToAMissingMailboxIsTrycreateRfc3501s6_4_7() {
        ImapHarness c = MessageFixtures.selected(store);
        assertEquals(List.of("a NO [TRYCREATE] No such mailbox"), c.send("a COPY 1 Nowhere"));
        assertEquals(List.of("b BAD Invalid message sequence number"), c.send("b COPY 6 Archive"));
        assertEquals(List.of("c OK UID COPY completed"), c.send("c UID COPY 9 Archive"));
    }

    @Test
    void moveSendsCopyUidThenExpungesRfc6851s3_3() {
        ImapHarness c = MessageFixtures.selected(store);
        assertEquals(List.of("* OK [COPYUID " + archiveValidity() + " 2:3 1:2] Moved", "* 3 EXPUNGE", "* 2 EXPUNGE",
                "a OK MOVE completed"), c.send("a MOVE 2:3 Archive"));
        assertEquals(List.of("* OK [COPYUID " + archiveValidity() + " 5 3] Moved", "* 3 EXPUNGE",
                "b OK UID MOVE completed"), c.send("b UID MOVE 5 Archive"));
        assertEquals(List.of("* 1 FETCH (UID 1)", "* 2 FETCH (UID 4)", "c OK FETCH completed"),
                c.send("c FETCH 1:* UID"));
        assertEquals(List.of("n OK NOOP completed"), c.send("n NOOP"));
    }

    @Test
    void moveWithQresyncSendsVanishedRfc6851s4_4() {
        ImapHarness c = MessageFixtures.selected(store, "SELECT INBOX", "QRESYNC");
        assertEquals(List.of("* OK [COPYUID " + archiveValidity() + " 1:2,4 1:3] Moved", "* VANISHED 1:2,4",
                "a OK UID MOVE completed"), c.send("a UID MOVE 1,2,4 Archive"));
        assertEquals(List.of("* 1 FETCH (UID 3)", "* 2 FETCH (UID 5)", "b OK FETCH completed"),
                c.send("b FETCH 1:* UID"));
    }

    @Test
    void moveOutOfAReadOnlyMailboxIsRefused() {
        ImapHarness c = MessageFixtures.selected(store, "EXAMINE INBOX");
        assertEquals(List.of("a NO Mailbox is read-only"), c.send("a MOVE 1 Archive"));
        assertEquals(5, store.folder("alice", "INBOX").messages.size());
    }

    @Test
    void expungeFromTheHighestNumberDownRfc3501s6_4_3() {
        store = MessageFixtures.store(11);
        for (long uid : new long[] {3, 4, 7, 11}) {
            store.folder("alice", "INBOX").messages.get(uid).flags = Set.of("\\Deleted");
        }
        ImapHarness c = MessageFixtures.selected(store);
        // The RFC's example sends 3, 3, 5, 8 (each renumbering the rest); top-down needs no arithmetic by the client.
        assertEquals(List.of("* 11 EXPUNGE", "* 7 EXPUNGE", "* 4 EXPUNGE", "* 3 EXPUNGE", "A202 OK EXPUNGE completed"),
                c.send("A202 EXPUNGE"));
        assertEquals(List.of("* 7 FETCH (UID 10)", "b OK FETCH completed"), c.send("b FETCH 7 UID"));
    }

    @Test
    void expungeWithQresyncSendsVanishedRfc7162s3_2_10() {
        store.folder("alice", "INBOX").messages.get(2L).flags = Set.of("\\Deleted");
        store.folder("alice", "INBOX").messages.get(3L).flags = Set.of("\\Deleted");
        ImapHarness c = MessageFixtures.selected(store, "SELECT INBOX", "QRESYNC");
        assertEquals(List.of("* VANISHED 2:3", "a OK EXPUNGE completed"), c.send("a EXPUNGE"));
    }

    @Test
    void uidExpungeRemovesOnlyTheGivenDeletedMessagesRfc4315s2_1() {
        for (long uid : new long[] {2, 3, 4}) {
            store.folder("alice", "INBOX").messages.get(uid).flags = Set.of("\\Deleted");
        }
        ImapHarness c = MessageFixtures.selected(store);
        assertEquals(List.of("* 3 EXPUNGE", "* 2 EXPUNGE", "a OK UID EXPUNGE completed"),
                c.send("a UID EXPUNGE 1:3"));
        assertTrue(store.folder("alice", "INBOX").messages.containsKey(4L));
        assertFalse(store.folder("alice", "INBOX").messages.containsKey(2L));
    }

    @Test
    void expungeInAReadOnlyMailboxIsRefused() {
        store.folder("alice", "INBOX").messages.get(2L).flags = Set.of("\\Deleted");
        ImapHarness c = MessageFixtures.selected(store, "EXAMINE INBOX");
        assertEquals(List.of("a NO Mailbox is read-only"), c.send("a EXPUNGE"));
    }

    @Test
    void anotherSessionsExpungeIsAnnouncedWithOwnOnes() {
        store.folder("alice", "INBOX").messages.get(2L).flags = Set.of("\\Deleted");
        ImapHarness a = MessageFixtures.selected(store);
        ImapHarness b = MessageFixtures.selected(store);
        b.send("b1 UID EXPUNGE 2");
        a.send("a1 STORE 4 +FLAGS.SILENT (\\Deleted)");
        assertEquals(List.of("* 4 EXPUNGE", "* 2 EXPUNGE", "a2 OK EXPUNGE completed"), a.send("a2 EXPUNGE"));
    }

    @Test
    void capabilitiesFollowTheRegisteredCommands() {
        List<String> caps = new ImapSessionFactory(store, ImapSettings.defaults(ImapHarness.HOST),
                ImapHarness.CLOCK).capabilities();
        assertTrue(caps.containsAll(List.of("UIDPLUS", "MOVE", "CONDSTORE", "QRESYNC", "ESEARCH", "SEARCHRES")), caps
                .toString());
    }
}
