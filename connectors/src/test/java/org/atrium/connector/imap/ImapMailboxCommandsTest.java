package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transcripts of the authenticated-state commands (RFC 3501 §6.3 and extensions) through {@link ImapSession}. */
class ImapMailboxCommandsTest {

    static final String MAIL = "From: a@example.org\r\nTo: b@example.org\r\nSubject: hi\r\n\r\nbody\r\n";

    private InMemoryMailStore store;
    private ImapHarness c;

    @BeforeEach
    void setUp() {
        store = new InMemoryMailStore();
        store.addAccount("alice", "secret");
        c = new ImapHarness(store).login("alice", "secret");
    }

    @Test
    void selectRespondsAsRfc3501s6_3_1() {
        store.deliver("alice", "INBOX", MAIL, "\\Seen");
        store.deliver("alice", "INBOX", MAIL, "$Important");
        long v = store.folder("alice", "INBOX").uidValidity;
        assertEquals(List.of("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Important)",
                "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Important \\*)] Flags permitted",
                "* 2 EXISTS", "* 2 RECENT", "* OK [UNSEEN 2] First unseen", "* OK [UIDVALIDITY " + v + "] UIDs valid",
                "* OK [UIDNEXT 3] Predicted next UID", "a1 OK [READ-WRITE] SELECT completed"),
                c.send("a1 SELECT INBOX"));
        // The read-write SELECT claimed \Recent (RFC 3501 §2.3.2): the next session sees none.
        ImapHarness other = new ImapHarness(store).login("alice", "secret");
        assertTrue(other.send("b1 EXAMINE INBOX").contains("* 0 RECENT"));
    }

    @Test
    void examineIsReadOnlyWithNoPermanentFlagsRfc3501s6_3_2() {
        List<String> r = c.send("a1 EXAMINE inbox");
        assertTrue(r.contains("* OK [PERMANENTFLAGS ()] No permanent flags permitted"), r.toString());
        assertEquals("a1 OK [READ-ONLY] EXAMINE completed", ImapHarness.last(r));
    }

    @Test
    void failedSelectLeavesNoMailboxSelected() {
        c.send("a1 SELECT INBOX");
        assertEquals(List.of("a2 NO [NONEXISTENT] No such mailbox"), c.send("a2 SELECT Nope"));
        assertEquals(List.of("a3 BAD CHECK is not valid in authenticated state"), c.send("a3 CHECK"));
    }

    @Test
    void createDeleteRenameRfc3501s6_3_3to5() {
        assertEquals(List.of("a1 OK CREATE completed"), c.send("a1 CREATE Projects/2026/"));
        assertEquals(List.of("a2 NO [ALREADYEXISTS] Mailbox already exists"), c.send("a2 CREATE Projects"));
        assertEquals(List.of("a3 NO [ALREADYEXISTS] Mailbox already exists"), c.send("a3 CREATE inbox"));
        assertEquals(List.of("a4 NO [HASCHILDREN] Mailbox has children"), c.send("a4 DELETE Projects"));
        assertEquals(List.of("a5 OK RENAME completed"), c.send("a5 RENAME Projects Archive"));
        assertEquals(List.of("* LIST (\\HasChildren) \"/\" \"Archive\"",
                "* LIST (\\HasNoChildren) \"/\" \"Archive/2026\"", "a6 OK LIST completed"),
                c.send("a6 LIST \"\" Archive*"));
        assertEquals(List.of("a7 NO [CANNOT] INBOX cannot be deleted"), c.send("a7 DELETE INBOX"));
        assertEquals(List.of("a8 NO [NONEXISTENT] No such mailbox"), c.send("a8 DELETE Nope"));
        assertEquals(List.of("a9 OK DELETE completed"), c.send("a9 DELETE Archive/2026"));
    }

    @Test
    void mailboxNamesAreModifiedUtf7OnTheWireRfc3501s5_1_3() {
        assertEquals(List.of("a1 OK CREATE completed"), c.send("a1 CREATE Entw&APw-rfe"));
        assertTrue(store.folders("alice").stream().anyMatch(f -> f.path().equals("Entwürfe")));
        assertEquals(List.of("* LIST (\\HasNoChildren) \"/\" \"Entw&APw-rfe\"", "a2 OK LIST completed"),
                c.send("a2 LIST \"\" Entw*"));
        assertEquals(List.of("a3 NO [CANNOT] Invalid modified UTF-7 mailbox name"), c.send("a3 CREATE Bad&Jjo"));
    }

    @Test
    void subscribeAndLsubRfc3501s6_3_6to9() {
        c.send("a0 CREATE Lists");
        assertEquals(List.of("a1 OK SUBSCRIBE completed"), c.send("a1 SUBSCRIBE Lists"));
        assertEquals(List.of("a2 NO [NONEXISTENT] No such mailbox"), c.send("a2 SUBSCRIBE Nope"));
        assertEquals(List.of("* LSUB () \"/\" \"Lists\"", "a3 OK LSUB completed"), c.send("a3 LSUB \"\" *"));
        assertEquals(List.of("a4 OK UNSUBSCRIBE completed"), c.send("a4 UNSUBSCRIBE Nope"));
        assertEquals(List.of("a5 OK UNSUBSCRIBE completed"), c.send("a5 UNSUBSCRIBE Lists"));
        assertEquals(List.of("a6 OK LSUB completed"), c.send("a6 LSUB \"\" *"));
    }

    @Test
    void listWildcardsAndReferenceRfc3501s6_3_8() {
        c.send("x CREATE Work/Reports/Q1");
        store.addFolder("alice", "Sent", "\\Sent");
        assertEquals(List.of("* LIST (\\Noselect) \"/\" \"\"", "a1 OK LIST completed"), c.send("a1 LIST \"\" \"\""));
        assertEquals(List.of("* LIST (\\HasNoChildren) \"/\" \"INBOX\"",
                "* LIST (\\HasNoChildren \\Sent) \"/\" \"Sent\"",
                "* LIST (\\HasChildren) \"/\" \"Work\"", "a2 OK LIST completed"), c.send("a2 LIST \"\" %"));
        assertEquals(List.of("* LIST (\\HasChildren) \"/\" \"Work/Reports\"", "a3 OK LIST completed"),
                c.send("a3 LIST Work/ %"));
        assertEquals(List.of("* LIST (\\HasChildren) \"/\" \"Work/Reports\"",
                "* LIST (\\HasNoChildren) \"/\" \"Work/Reports/Q1\"", "a4 OK LIST completed"),
                c.send("a4 LIST Work/ *"));
        assertEquals(List.of("* LIST (\\HasNoChildren) \"/\" \"INBOX\"", "a5 OK LIST completed"),
                c.send("a5 LIST \"\" inbox"));
        assertEquals(List.of("* LIST (\\Noselect) \"/\" \"Work/\"", "a6 OK LIST completed"),
                c.send("a6 LIST Work/Reports \"\""));
    }

    @Test
    void levelWithoutAFolderIsNoselectRfc3501s6_3_8() {
        store.addFolder("alice", "Deep/Child", null); // no folder "Deep" of its own
        assertEquals(List.of("* LIST (\\HasNoChildren) \"/\" \"INBOX\"",
                "* LIST (\\Noselect \\HasChildren) \"/\" \"Deep\"",
                "a1 OK LIST completed"), c.send("a1 LIST \"\" %"));
        assertEquals(List.of("* LIST (\\Noselect \\HasChildren) \"/\" \"Deep\"",
                "* LIST (\\HasNoChildren) \"/\" \"Deep/Child\"", "a2 OK LIST completed"), c.send("a2 LIST \"\" Deep*"));
    }

    @Test
    void renameInboxMovesItsMessagesRfc3501s6_3_5() {
        store.deliver("alice", "INBOX", MAIL);
        assertEquals(List.of("a1 OK RENAME completed"), c.send("a1 RENAME INBOX Old-Inbox"));
        assertEquals(List.of("* STATUS \"INBOX\" (MESSAGES 0)", "a2 OK STATUS completed"),
                c.send("a2 STATUS INBOX (MESSAGES)"));
        assertEquals(List.of("* STATUS \"Old-Inbox\" (MESSAGES 1)", "a3 OK STATUS completed"),
                c.send("a3 STATUS Old-Inbox (MESSAGES)"));
    }

    @Test
    void listExtendedSelectionAndReturnOptionsRfc5258() {
        c.send("x CREATE Work/Reports");
        store.addFolder("alice", "Trash", "\\Trash");
        c.send("y SUBSCRIBE Work/Reports");
        c.send("z SUBSCRIBE INBOX");
        assertEquals(List.of("* LIST (\\HasNoChildren \\Subscribed) \"/\" \"INBOX\"",
                "* LIST (\\HasNoChildren \\Subscribed) \"/\" \"Work/Reports\"", "a1 OK LIST completed"),
                c.send("a1 LIST (SUBSCRIBED) \"\" *"));
        assertEquals(List.of("* LIST (\\HasChildren) \"/\" \"Work\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
                "a2 OK LIST completed"), c.send("a2 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" Work"));
        assertEquals(List.of("* LIST (\\HasNoChildren \\Trash) \"/\" \"Trash\"", "a3 OK LIST completed"),
                c.send("a3 LIST (SPECIAL-USE) \"\" *"));
        assertEquals(List.of("* LIST (\\HasNoChildren \\Subscribed) \"/\" \"INBOX\"", "a4 OK LIST completed"),
                c.send("a4 LIST \"\" INBOX RETURN (SUBSCRIBED CHILDREN SPECIAL-USE)"));
        assertEquals("a5 BAD LIST: RECURSIVEMATCH needs another selection option",
                ImapHarness.last(c.send("a5 LIST (RECURSIVEMATCH) \"\" *")));
        assertEquals(List.of("* LIST (\\HasNoChildren) \"/\" \"INBOX\"", "a6 OK LIST completed"),
                c.send("a6 LIST (REMOTE) \"\" INBOX"));
    }

    @Test
    void listStatusRfc5819() {
        store.deliver("alice", "INBOX", MAIL);
        assertEquals(List.of("* LIST (\\HasNoChildren) \"/\" \"INBOX\"", "* STATUS \"INBOX\" (MESSAGES 1 UNSEEN 1)",
                "a1 OK LIST completed"), c.send("a1 LIST \"\" INBOX RETURN (STATUS (MESSAGES UNSEEN))"));
    }

    @Test
    void statusItemsInTheOrderAskedRfc3501s6_3_10() {
        store.deliver("alice", "INBOX", MAIL, "\\Seen", "\\Deleted");
        store.deliver("alice", "INBOX", MAIL);
        long v = store.folder("alice", "INBOX").uidValidity;
        int size = MAIL.length() * 2;
        assertEquals(List.of("* STATUS \"INBOX\" (MESSAGES 2 RECENT 2 UIDNEXT 3 UIDVALIDITY " + v
                + " UNSEEN 1 SIZE " + size + " DELETED 1 APPENDLIMIT 52428800)", "a1 OK STATUS completed"),
                c.send("a1 STATUS inbox (MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN SIZE DELETED APPENDLIMIT)"));
        assertEquals(List.of("a2 NO [NONEXISTENT] No such mailbox"), c.send("a2 STATUS Nope (MESSAGES)"));
    }

    @Test
    void appendWithFlagsAndDateGivesAppendUidRfc4315() {
        long v = store.folder("alice", "INBOX").uidValidity;
        String msg = "Subject: appended\r\n\r\nhello\r\n";
        assertEquals(List.of("+ Ready for literal data"),
                c.type("a1 APPEND INBOX (\\Seen $Work) \"01-Dec-2026 10:00:00 +0100\" {" + msg.length() + "}\r\n"));
        assertEquals(List.of("a1 OK [APPENDUID " + v + " 1] APPEND completed"), c.type(msg + "\r\n"));
        InMemoryMailStore.Message m = store.folder("alice", "INBOX").messages.get(1L);
        assertEquals(msg, new String(m.raw, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(java.util.Set.of("\\Seen", "$Work"), m.flags);
        assertEquals(java.time.Instant.parse("2026-12-01T09:00:00Z"), m.internalDate);
    }

    @Test
    void appendToMissingFolderIsTryCreateRfc3501s6_3_11() {
        assertEquals(List.of("a1 NO [TRYCREATE] No such mailbox"), c.type("a1 APPEND Nope {11+}\r\nSubject: x\r\n"));
    }

    @Test
    void appendOfLiteral8IsAcceptedNowThatBinaryIsAdvertisedRfc3516s4_4() {
        assertTrue(c.session.capabilities().contains("BINARY"));
        // A NUL octet is what literal8 is for (RFC 3516 §4.4); the store keeps the octets as sent.
        byte[] raw = "Subject: x\r\n\r\na\0b\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(List.of("a1 OK [APPENDUID 1000 1] APPEND completed"),
                c.type("a1 APPEND INBOX ~{" + raw.length + "+}\r\nSubject: x\r\n\r\na\0b\r\n\r\n"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(raw,
                store.folder("alice", "INBOX").messages.firstEntry().getValue().raw);
    }

    @Test
    void rejectedCommandsNonSynchronizingLiteralIsDiscardedRfc7888s4() {
        // The literal holds what looks like a command; it must be dropped with the rejected command, not run.
        assertEquals(List.of("* BAD Invalid tag"), c.type("+bad LOGIN {7+}\r\na9 NOOP\r\n"));
        assertEquals(List.of("a3 OK NOOP completed"), c.type("a3 NOOP\r\n"));
    }

    @Test
    void appendOverQuota() {
        store.messageLimit = 0;
        assertEquals(List.of("a1 NO [OVERQUOTA] Quota exceeded"), c.type("a1 APPEND INBOX {11+}\r\nSubject: x\r\n"));
    }

    @Test
    void appendOverTheLimitIsRefusedBeforeTheLiteralRfc7889() {
        ImapHarness small = new ImapHarness(store,
                new ImapSettings(ImapHarness.HOST, 100, ImapSettings.MIN_IDLE_TIMEOUT_SECONDS, 20))
                .login("alice", "secret");
        assertTrue(small.session.capabilities().contains("APPENDLIMIT=100"));
        assertEquals(List.of("a1 NO [TOOBIG] Literal of 101 octets is too large"),
                small.type("a1 APPEND INBOX {101}\r\n"));
        assertEquals(List.of("a2 OK NOOP completed"), small.type("a2 NOOP\r\n"));
        assertTrue(store.folder("alice", "INBOX").messages.isEmpty());
    }

    @Test
    void appendToTheSelectedMailboxAnnouncesItBeforeTheTaggedOk() {
        c.send("a0 SELECT INBOX");
        List<String> r = c.type("a1 APPEND INBOX {11+}\r\nSubject: x\r\n");
        assertEquals(List.of("* 1 EXISTS", "* 1 RECENT"), r.subList(0, 2));
        assertTrue(ImapHarness.last(r).startsWith("a1 OK [APPENDUID "));
    }

    @Test
    void closeExpungesSilentlyRfc3501s6_4_2() {
        store.deliver("alice", "INBOX", MAIL, "\\Deleted");
        store.deliver("alice", "INBOX", MAIL);
        c.send("a1 SELECT INBOX");
        assertEquals(List.of("a2 OK CLOSE completed"), c.send("a2 CLOSE"));
        assertEquals(List.of(2L), List.copyOf(store.folder("alice", "INBOX").messages.keySet()));
        assertEquals(0, store.watcherCount(store.folder("alice", "INBOX").id));
    }

    @Test
    void closeOfExaminedMailboxDoesNotExpunge() {
        store.deliver("alice", "INBOX", MAIL, "\\Deleted");
        c.send("a1 EXAMINE INBOX");
        assertEquals(List.of("a2 OK CLOSE completed"), c.send("a2 CLOSE"));
        assertEquals(1, store.folder("alice", "INBOX").messages.size());
    }

    @Test
    void unselectDoesNotExpungeRfc3691() {
        store.deliver("alice", "INBOX", MAIL, "\\Deleted");
        c.send("a1 SELECT INBOX");
        assertEquals(List.of("a2 OK UNSELECT completed"), c.send("a2 UNSELECT"));
        assertEquals(1, store.folder("alice", "INBOX").messages.size());
        assertEquals(List.of("a3 BAD UNSELECT is not valid in authenticated state"), c.send("a3 UNSELECT"));
    }

    @Test
    void checkInSelectedState() {
        c.send("a1 SELECT INBOX");
        assertEquals(List.of("a2 OK CHECK completed"), c.send("a2 CHECK"));
    }

    @Test
    void namespaceRfc2342() {
        assertEquals(List.of("* NAMESPACE ((\"\" \"/\")) ((\"Other Users/\" \"/\")) ((\"Public Folders/\" \"/\"))",
                "a1 OK NAMESPACE completed"), c.send("a1 NAMESPACE"));
    }

    @Test
    void namespaceWithoutPublicFoldersHasNoSharedNamespace() {
        store.withoutPublicFolders.add("alice");
        assertEquals(List.of("* NAMESPACE ((\"\" \"/\")) ((\"Other Users/\" \"/\")) NIL",
                "a1 OK NAMESPACE completed"), c.send("a1 NAMESPACE"));
    }

    @Test
    void idRfc2971() {
        assertEquals(List.of("* ID (\"name\" \"Atrium\" \"version\" \"0.1\")", "a1 OK ID completed"),
                c.send("a1 ID (\"name\" \"Thunderbird\" \"version\" \"128\")"));
        assertEquals(List.of("* ID (\"name\" \"Atrium\" \"version\" \"0.1\")", "a2 OK ID completed"),
                c.send("a2 ID NIL"));
    }

    @Test
    void enableOnlyWhatIsAdvertisedRfc5161() {
        // CONDSTORE is advertised, so it is enabled; UTF8=ACCEPT (RFC 6855) and X-FOO are not, so they are ignored.
        assertEquals(List.of("* ENABLED CONDSTORE", "a1 OK ENABLE completed"),
                c.send("a1 ENABLE CONDSTORE UTF8=ACCEPT X-FOO"));
        // ENABLED lists only what this command newly enabled (RFC 5161 §3.2).
        assertEquals(List.of("* ENABLED QRESYNC", "a2 OK ENABLE completed"), c.send("a2 ENABLE QRESYNC CONDSTORE"));
        // Enabled state is per session.
        ImapHarness other = new ImapHarness(store).login("alice", "secret");
        assertEquals(List.of("* ENABLED QRESYNC CONDSTORE", "b1 OK ENABLE completed"),
                other.send("b1 ENABLE QRESYNC CONDSTORE"));
        // QRESYNC implied CONDSTORE (RFC 7162 §3.2.3), so it is not enabled a second time.
        assertEquals(List.of("* ENABLED", "b2 OK ENABLE completed"), other.send("b2 ENABLE CONDSTORE"));
    }

    @Test
    void quotaRfc9208() {
        store.deliver("alice", "INBOX", MAIL);
        assertEquals(List.of("* QUOTA \"\" ()", "a1 OK GETQUOTA completed"), c.send("a1 GETQUOTA \"\""));
        store.storageLimitKib = 1024;
        store.messageLimit = 500;
        assertEquals(List.of("* QUOTAROOT \"INBOX\" \"\"", "* QUOTA \"\" (STORAGE 1 1024 MESSAGE 1 500)",
                "a2 OK GETQUOTAROOT completed"), c.send("a2 GETQUOTAROOT INBOX"));
        assertEquals(List.of("a3 NO [NONEXISTENT] No such quota root"), c.send("a3 GETQUOTA other"));
        assertEquals(List.of("a4 NO [NONEXISTENT] No such mailbox"), c.send("a4 GETQUOTAROOT Nope"));
        assertEquals(List.of("a5 NO [NOPERM] Quota limits are set by the administrator"),
                c.send("a5 SETQUOTA \"\" (STORAGE 10)"));
    }

    @Test
    void deletingTheSelectedMailboxIsRefused() {
        c.send("a0 CREATE Box");
        c.send("a1 SELECT Box");
        assertEquals(List.of("a2 NO [INUSE] Mailbox is selected; CLOSE or UNSELECT it first"), c.send("a2 DELETE Box"));
    }
}
