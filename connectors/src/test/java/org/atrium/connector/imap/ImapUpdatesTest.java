package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.atrium.connector.imap.port.FlagOperation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Untagged updates of the selected mailbox (RFC 3501 §5.2, §7.3, §7.4.1), IDLE (RFC 2177), CONDSTORE and QRESYNC
 * (RFC 7162), with two sessions sharing one store.
 */
class ImapUpdatesTest {

    private static final String MAIL = ImapMailboxCommandsTest.MAIL;

    private InMemoryMailStore store;
    private ImapSessionFactory factory;
    private ImapHarness a;
    private ImapHarness b;

    @BeforeEach
    void setUp() {
        store = new InMemoryMailStore();
        store.addAccount("alice", "secret");
        factory = new ImapSessionFactory(store, ImapSettings.defaults(ImapHarness.HOST), ImapHarness.CLOCK);
        a = new ImapHarness(factory, "A").login("alice", "secret");
        b = new ImapHarness(factory, "B").login("alice", "secret");
    }

    private long inbox() {
        return store.folder("alice", "INBOX").id;
    }

    private void deleteAndExpunge(long uid) throws Exception {
        store.store("alice", inbox(), List.of(uid), FlagOperation.ADD, Set.of("\\Deleted"), -1);
        store.expunge("alice", inbox(), List.of(uid));
    }

    @Test
    void idleSendsExistsWhenTheStoreDeliversRfc2177() {
        a.send("a1 SELECT INBOX");
        assertEquals(List.of("+ idling"), a.send("a2 IDLE"));
        store.deliver("alice", "INBOX", MAIL);
        assertEquals(List.of("* 1 EXISTS", "* 1 RECENT"), a.drain());
        assertEquals(List.of("a2 OK IDLE terminated"), a.type("DONE\r\n"));
        assertEquals(List.of("a3 OK NOOP completed"), a.send("a3 NOOP"));
    }

    @Test
    void idleEndsWithBadOnAnythingButDone() {
        a.send("a1 SELECT INBOX");
        a.send("a2 IDLE");
        assertEquals(List.of("a2 BAD Expected DONE to end IDLE"), a.send("a3 NOOP"));
        assertEquals(List.of("a4 OK NOOP completed"), a.send("a4 NOOP"));
    }

    @Test
    void idleInAuthenticatedStateWaitsForDone() {
        assertEquals(List.of("+ idling"), a.send("a1 IDLE"));
        store.deliver("alice", "INBOX", MAIL);
        assertEquals(List.of(), a.drain());
        assertEquals(List.of("a1 OK IDLE terminated"), a.send("done"));
    }

    @Test
    void expungeIsHeldBackDuringFetchStoreSearchAndReleasedByNoopRfc3501s7_4_1() throws Exception {
        store.deliver("alice", "INBOX", MAIL);
        store.deliver("alice", "INBOX", MAIL);
        a.send("a1 SELECT INBOX");
        deleteAndExpunge(1);
        store.deliver("alice", "INBOX", MAIL);
        // FETCH answers for the two messages the client knew of when it sent the command; message 1 is answered
        // from the session's view as it was before the expunge (RFC 2180 §4.1.1). Then the new message is
        // announced and the expunged one keeps its sequence number: 3 messages for the client, all \Recent for this
        // session (its read-write SELECT claimed the first two, its refresh the third). No EXPUNGE (RFC 3501 §7.4.1).
        assertEquals(List.of("* 1 FETCH (FLAGS (\\Recent))", "* 2 FETCH (FLAGS (\\Recent))", "* 3 EXISTS",
                "* 3 RECENT", "a2 OK FETCH completed"), a.send("a2 FETCH 1:* FLAGS"));
        assertEquals(List.of("* 2 FETCH (FLAGS (\\Seen \\Recent))", "a3 OK STORE completed"),
                a.send("a3 STORE 2 +FLAGS (\\Seen)"));
        // The expunged message no longer matches anything, but keeps its number until the EXPUNGE is sent.
        assertEquals(List.of("* SEARCH 2 3", "a4 OK SEARCH completed"), a.send("a4 SEARCH ALL"));
        assertTrue(a.session.selected().orElseThrow().isExpunged(1));
        assertEquals(List.of("* 1 EXPUNGE", "a5 OK NOOP completed"), a.send("a5 NOOP"));
        assertEquals(2, a.session.selected().orElseThrow().exists());
    }

    @Test
    void uidFetchMaySendExpungeRfc3501s6_4_8() throws Exception {
        store.deliver("alice", "INBOX", MAIL);
        a.send("a1 SELECT INBOX");
        deleteAndExpunge(1);
        // The message is answered from the session's view as it was before the expunge (RFC 2180 §4.1.1), then
        // UID FETCH, unlike FETCH, may report the expunge before its tagged response.
        assertEquals(List.of("* 1 FETCH (UID 1 FLAGS (\\Recent))", "* 1 EXPUNGE", "a2 OK UID FETCH completed"),
                a.send("a2 UID FETCH 1:* FLAGS"));
        assertEquals(0, a.session.selected().orElseThrow().exists());
    }

    @Test
    void twoSessionsSeeEachOthersChanges() throws Exception {
        a.send("a1 SELECT INBOX");
        b.send("b1 SELECT INBOX");
        assertTrue(ImapHarness.last(b.type("b2 APPEND INBOX {11+}\r\nSubject: x\r\n")).startsWith("b2 OK [APPENDUID"));
        // A sees B's APPEND at its next command; the message is \Recent for A only if A claimed it first.
        List<String> r = a.send("a2 NOOP");
        assertEquals("* 1 EXISTS", r.get(0));
        assertEquals("a2 OK NOOP completed", ImapHarness.last(r));
        // B changes flags (as its STORE would): A gets an untagged FETCH with UID and FLAGS.
        store.store("alice", inbox(), List.of(1L), FlagOperation.ADD, Set.of("\\Flagged"), -1);
        List<String> r2 = a.send("a3 NOOP");
        assertTrue(r2.get(0).matches("\\* 1 FETCH \\(UID 1 FLAGS \\(\\\\Flagged( \\\\Recent)?\\)\\)"), r2.toString());
        // B creates a folder; A lists it.
        b.send("b3 CREATE Shared");
        assertTrue(a.send("a4 LIST \"\" Shared").contains("* LIST (\\HasNoChildren) \"/\" \"Shared\""));
        // B expunges; A sees the EXPUNGE at NOOP.
        store.store("alice", inbox(), List.of(1L), FlagOperation.ADD, Set.of("\\Deleted"), -1);
        b.send("b4 CLOSE");
        List<String> r3 = a.send("a5 NOOP");
        assertTrue(r3.contains("* 1 EXPUNGE"), r3.toString());
    }

    @Test
    void otherSessionsIdleHearsOfAnAppendAtOnce() {
        a.send("a1 SELECT INBOX");
        a.send("a2 IDLE");
        b.type("b1 APPEND INBOX {11+}\r\nSubject: x\r\n");
        List<String> r = a.drain();
        assertEquals("* 1 EXISTS", r.get(0));
    }

    @Test
    void flagChangesCarryModseqWithCondstoreRfc7162s3_1_4() throws Exception {
        store.deliver("alice", "INBOX", MAIL);
        List<String> sel = a.send("a1 SELECT INBOX (CONDSTORE)");
        long hms = store.folder("alice", "INBOX").highestModseq;
        assertTrue(sel.contains("* OK [HIGHESTMODSEQ " + hms + "] Highest"), sel.toString());
        store.store("alice", inbox(), List.of(1L), FlagOperation.ADD, Set.of("\\Seen"), -1);
        assertEquals(List.of("* 1 FETCH (UID 1 FLAGS (\\Seen \\Recent) MODSEQ (" + (hms + 1) + "))",
                "a2 OK NOOP completed"), a.send("a2 NOOP"));
    }

    @Test
    void qresyncSendsVanishedInsteadOfExpungeRfc7162s3_2_10() throws Exception {
        store.deliver("alice", "INBOX", MAIL);
        store.deliver("alice", "INBOX", MAIL);
        store.deliver("alice", "INBOX", MAIL);
        a.send("a0 ENABLE QRESYNC");
        a.send("a1 SELECT INBOX");
        deleteAndExpunge(1);
        deleteAndExpunge(2);
        // No RECENT: the client drops the vanished messages from its own count (as for EXPUNGE).
        assertEquals(List.of("* VANISHED 1:2", "* 1 EXISTS", "a2 OK NOOP completed"),
                a.send("a2 NOOP"));
    }

    @Test
    void selectWithQresyncReportsWhatChangedSinceRfc7162s3_2_5() throws Exception {
        for (int i = 0; i < 4; i++) {
            store.deliver("alice", "INBOX", MAIL);
        }
        long v = store.folder("alice", "INBOX").uidValidity;
        long known = store.folder("alice", "INBOX").highestModseq;
        deleteAndExpunge(2);
        store.store("alice", inbox(), List.of(3L), FlagOperation.ADD, Set.of("\\Answered"), -1);
        a.send("a0 ENABLE QRESYNC");
        List<String> r = a.send("a1 SELECT INBOX (QRESYNC (" + v + " " + known + " 1:4))");
        long hms = store.folder("alice", "INBOX").highestModseq;
        assertTrue(r.contains("* OK [HIGHESTMODSEQ " + hms + "] Highest"), r.toString());
        assertTrue(r.contains("* VANISHED (EARLIER) 2"), r.toString());
        assertTrue(r.contains("* 2 FETCH (UID 3 FLAGS (\\Answered \\Recent) MODSEQ (" + hms + "))"), r.toString());
        assertEquals("a1 OK [READ-WRITE] SELECT completed", ImapHarness.last(r));
    }

    @Test
    void qresyncParameterWithoutEnableIsBad() {
        assertEquals(List.of("a1 BAD QRESYNC parameter requires ENABLE QRESYNC first"),
                a.send("a1 SELECT INBOX (QRESYNC (1 1))"));
    }

    @Test
    void selectingAnotherMailboxSendsClosedWithCondstoreRfc7162s3_2_11() {
        a.send("a0 ENABLE CONDSTORE");
        a.send("a1 SELECT INBOX");
        a.send("a2 CREATE Other");
        List<String> r = a.send("a3 EXAMINE Other");
        assertEquals("* OK [CLOSED] Previous mailbox is now closed", r.get(0));
        assertEquals(0, store.watcherCount(inbox()));
        assertEquals(1, store.watcherCount(store.folder("alice", "Other").id));
    }

    @Test
    void watchIsClosedWhenTheConnectionDrops() {
        a.send("a1 SELECT INBOX");
        assertEquals(1, store.watcherCount(inbox()));
        a.session.onClose();
        assertEquals(0, store.watcherCount(inbox()));
    }
}
