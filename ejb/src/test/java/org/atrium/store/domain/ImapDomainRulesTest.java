package org.atrium.store.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The entity rules IMAP relies on: flag and keyword changes and their MODSEQs (RFC 3501 §6.4.6, RFC 7162 §3.1),
 * \Recent claims (RFC 3501 §2.3.2), expunge history (RFC 7162 §3.2.5.2), rename (RFC 3501 §6.3.5) and quota
 * arithmetic (RFC 9208 §5).
 */
class ImapDomainRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private Account owner;
    private Folder inbox;
    private MessageContent content;

    @BeforeEach
    void setUp() {
        owner = new Account(new Domain("atrium.test", NOW), MailAddress.parse("dana@atrium.test"), null, false, NOW);
        inbox = new Folder(owner, null, "INBOX", SpecialUse.INBOX, NOW);
        content = new MessageContent("c".repeat(64), 1234, "{}", 1, NOW);
    }

    @Test
    void aFlagChangeTakesANewModseqAndANoOpKeepsIt() {
        MailItem item = MailItem.file(inbox, content, NOW, Set.of());
        long filed = item.getModseq();
        assertTrue(item.changeFlags(FlagMode.ADD, EnumSet.of(Flag.SEEN), List.of(), inbox));
        assertEquals(EnumSet.of(Flag.SEEN), item.getFlags());
        assertTrue(item.getModseq() > filed);
        assertEquals(inbox.getHighestModseq(), item.getModseq(), "the folder's HIGHESTMODSEQ follows");

        long before = item.getModseq();
        assertFalse(item.changeFlags(FlagMode.ADD, EnumSet.of(Flag.SEEN), List.of(), inbox), "already set");
        assertFalse(item.changeFlags(FlagMode.REMOVE, EnumSet.of(Flag.DELETED), List.of(), inbox), "not set");
        assertEquals(before, item.getModseq());
        assertEquals(before, inbox.getHighestModseq(), "a no-op takes no MODSEQ");

        assertTrue(item.changeFlags(FlagMode.REPLACE, EnumSet.of(Flag.FLAGGED, Flag.DRAFT), List.of(), inbox));
        assertEquals(EnumSet.of(Flag.FLAGGED, Flag.DRAFT), item.getFlags());
        assertTrue(item.changeFlags(FlagMode.REMOVE, EnumSet.of(Flag.DRAFT), List.of(), inbox));
        assertEquals(EnumSet.of(Flag.FLAGGED), item.getFlags());
        assertTrue(item.changeFlags(FlagMode.REPLACE, Set.of(), List.of(), inbox));
        assertEquals(Set.of(), item.getFlags());
    }

    @Test
    void keywordsAreStoredOnceIgnoringCaseAndKeepTheirFirstSpelling() {
        MailItem item = MailItem.file(inbox, content, NOW, Set.of(), List.of("$Forwarded", "Work"));
        assertEquals(List.of("$Forwarded", "Work"), item.getKeywords());
        assertFalse(item.changeFlags(FlagMode.ADD, Set.of(), List.of("work"), inbox), "same keyword, other case");
        assertTrue(item.changeFlags(FlagMode.ADD, Set.of(), List.of("$Junk"), inbox));
        assertEquals(List.of("$Forwarded", "Work", "$Junk"), item.getKeywords());
        assertTrue(item.changeFlags(FlagMode.REMOVE, Set.of(), List.of("WORK"), inbox));
        assertEquals(List.of("$Forwarded", "$Junk"), item.getKeywords());
        long m = item.getModseq();
        assertFalse(item.changeFlags(FlagMode.REPLACE, Set.of(), List.of("$junk", "$forwarded"), inbox),
                "the same set in another order and case is no change");
        assertEquals(m, item.getModseq());
        assertTrue(item.changeFlags(FlagMode.REPLACE, Set.of(), List.of(), inbox));
        assertEquals(List.of(), item.getKeywords());
    }

    @Test
    void invalidKeywordsAndOverlongKeywordListsAreRefusedWithoutChange() {
        MailItem item = MailItem.file(inbox, content, NOW, Set.of());
        long m = item.getModseq();
        for (String bad : List.of("two words", "\\Seen", "paren(", "quote\"", "", "x".repeat(256), "caf\u00e9")) {
            assertThrows(IllegalArgumentException.class,
                    () -> item.changeFlags(FlagMode.ADD, EnumSet.of(Flag.SEEN), List.of(bad), inbox), bad);
        }
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add("keyword-number-" + i);
        }
        assertThrows(Keywords.TooMany.class, () -> item.changeFlags(FlagMode.ADD, Set.of(), many, inbox));
        assertEquals(Set.of(), item.getFlags(), "a refused change changes nothing");
        assertEquals(m, item.getModseq());
    }

    @Test
    void aCopyKeepsFlagsKeywordsAndDateWithANewUidThere() {
        Folder archive = new Folder(owner, null, "Archive", null, NOW);
        archive.allocateUid();
        archive.allocateUid();
        MailItem item = MailItem.file(inbox, content, NOW, EnumSet.of(Flag.SEEN), List.of("Work"));
        MailItem copy = item.copyTo(archive);
        assertEquals(3, copy.getUid());
        assertEquals(EnumSet.of(Flag.SEEN), copy.getFlags());
        assertEquals(List.of("Work"), copy.getKeywords());
        assertEquals(NOW, copy.getInternalDate());
        assertEquals(archive.getHighestModseq(), copy.getModseq());
        assertEquals(content, copy.getContent(), "content is shared, not copied");
    }

    @Test
    void recentIsClaimedOnceByOneSession() {
        MailItem.file(inbox, content, NOW, Set.of());
        MailItem.file(inbox, content, NOW, Set.of());
        assertTrue(inbox.hasUnclaimedRecent());
        assertEquals(0, inbox.claimRecent(), "the first session sees UIDs above 0 as recent");
        assertFalse(inbox.hasUnclaimedRecent());
        assertEquals(2, inbox.claimRecent(), "a second session sees none of them as recent");
        MailItem.file(inbox, content, NOW, Set.of());
        assertTrue(inbox.hasUnclaimedRecent());
        assertEquals(2, inbox.claimRecent());
        assertEquals(3, inbox.getRecentUid());
    }

    @Test
    void anExpungeIsRecordedWithANewModseq() {
        MailItem item = MailItem.file(inbox, content, NOW, EnumSet.of(Flag.DELETED));
        long before = inbox.getHighestModseq();
        ExpungedItem gone = ExpungedItem.of(item, inbox);
        assertEquals(item.getUid(), gone.getUid());
        assertEquals(before + 1, gone.getModseq());
        assertEquals(gone.getModseq(), inbox.getHighestModseq());
        Folder other = new Folder(owner, null, "Other", null, NOW);
        assertThrows(IllegalArgumentException.class, () -> ExpungedItem.of(item, other));
    }

    @Test
    void renameMovesAFolderAndItsSubfoldersKeepTheirNames() {
        Folder work = new Folder(owner, null, "Work", null, NOW);
        Folder projects = new Folder(owner, work, "Projects", null, NOW);
        Folder archive = new Folder(owner, null, "Archive", null, NOW);
        long validity = work.getUidValidity();
        FolderPath from = new FolderPath("Work");
        FolderPath to = new FolderPath("Archive/Old work");
        projects.relocate(new FolderPath(projects.getPath()).rebase(from, to));
        work.moveTo(archive, to);
        assertEquals("Archive/Old work", work.getPath());
        assertEquals("Old work", work.getName());
        assertEquals(archive, work.getParent());
        assertEquals("Archive/Old work/Projects", projects.getPath());
        assertEquals(work, projects.getParent());
        assertEquals(validity, work.getUidValidity());
        assertThrows(IllegalArgumentException.class, () -> work.moveTo(null, new FolderPath("Archive/x")),
                "the parent must match the path");
        assertThrows(IllegalArgumentException.class, () -> projects.relocate(new FolderPath("Elsewhere/Renamed")));
    }

    @Test
    void quotaArithmetic() {
        Quota q = new Quota(10_240, 3);
        assertTrue(q.admits(0, 0, 10_240, 1), "exactly the limit fits");
        assertFalse(q.admits(10_000, 1, 241, 1));
        assertFalse(q.admits(0, 3, 1, 1), "the message count is limited too");
        assertTrue(q.admits(20_000, 5, 0, 0), "over quota, a change that adds nothing (MOVE) still passes");
        assertTrue(q.admits(20_000, 5, -100, -1), "and so does removing");
        assertEquals(10, q.storageLimitKib());
        assertEquals(0, Quota.usageKib(0));
        assertEquals(1, Quota.usageKib(1), "usage rounds up");
        assertEquals(1, Quota.usageKib(1024));
        assertEquals(2, Quota.usageKib(1025));
        assertEquals(9, new Quota(10_239, Quota.NONE).storageLimitKib(), "limits round down");

        Quota none = Quota.effective(null, null, null);
        assertEquals(Quota.NONE, none.bytesLimit());
        assertEquals(Quota.NONE, none.storageLimitKib());
        assertTrue(none.admits(Long.MAX_VALUE / 2, 1_000_000, 1_000_000, 1));
        assertEquals(new Quota(5000, Quota.NONE), Quota.effective(null, null, 5000L), "server default");
        assertEquals(new Quota(100, 7), Quota.effective(100L, 7L, 5000L), "the account's own limit wins");
        assertThrows(IllegalArgumentException.class, () -> new Quota(-2, 0));
        assertThrows(IllegalArgumentException.class, () -> owner.setQuota(-1L, null));
        owner.setQuota(1L << 30, null);
        assertEquals(1L << 30, owner.getQuotaBytes());
        assertNotEquals(null, owner.getQuotaBytes());
    }
}
