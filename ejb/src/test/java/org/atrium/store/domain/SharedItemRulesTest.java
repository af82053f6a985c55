package org.atrium.store.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The item rules shared folders rely on (ADR 0006): a STORE changes only the flags the user may change (RFC 4314 §4),
 * a reader's own \Seen moves the MODSEQ without changing shared state, and copies record who filed them.
 */
class SharedItemRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private Account owner;
    private Account reader;
    private Folder folder;
    private MessageContent content;

    @BeforeEach
    void setUp() {
        Domain domain = new Domain("atrium.test", NOW);
        owner = new Account(domain, MailAddress.parse("dana@atrium.test"), null, false, NOW);
        reader = new Account(domain, MailAddress.parse("eve@atrium.test"), null, false, NOW);
        folder = new Folder(owner, null, "Shared", null, NOW);
        content = new MessageContent("c".repeat(64), 1234, "{}", 1, NOW);
    }

    @Test
    void aMaskedReplacementLeavesTheOtherFlagsAndKeywordsAsTheyAre() {
        MailItem item = MailItem.file(folder, content, NOW, EnumSet.of(Flag.FLAGGED, Flag.SEEN), List.of("Work"));
        assertTrue(item.changeFlags(FlagMode.REPLACE, EnumSet.of(Flag.DRAFT), List.of(), folder,
                EnumSet.of(Flag.SEEN), false), "\\Seen may change: it is cleared");
        assertEquals(EnumSet.of(Flag.FLAGGED), item.getFlags(), "\\Flagged stays, \\Draft is dropped");
        assertEquals(List.of("Work"), item.getKeywords(), "keywords need 'w'");
        long m = item.getModseq();
        assertFalse(item.changeFlags(FlagMode.ADD, EnumSet.of(Flag.DELETED), List.of("Other"), folder,
                EnumSet.of(Flag.SEEN), false), "nothing allowed was touched");
        assertEquals(m, item.getModseq(), "no change, no MODSEQ");
        assertTrue(item.changeFlags(FlagMode.ADD, EnumSet.of(Flag.DELETED), List.of("Other"), folder,
                EnumSet.of(Flag.DELETED), true));
        assertEquals(EnumSet.of(Flag.FLAGGED, Flag.DELETED), item.getFlags());
        assertEquals(List.of("Work", "Other"), item.getKeywords());
    }

    @Test
    void touchingTakesANewModseqUnderTheItemsFolderOnly() {
        MailItem item = MailItem.file(folder, content, NOW, Set.of());
        long m = item.getModseq();
        item.touch(folder);
        assertTrue(item.getModseq() > m);
        assertEquals(folder.getHighestModseq(), item.getModseq());
        assertEquals(Set.of(), item.getFlags(), "shared state unchanged");
        Folder other = new Folder(owner, null, "Other", null, NOW);
        assertThrows(IllegalArgumentException.class, () -> item.touch(other));
    }

    @Test
    void copiesRecordTheirCreatorAndTheFlagsGiven() {
        MailItem delivered = MailItem.file(folder, content, NOW, EnumSet.of(Flag.SEEN, Flag.FLAGGED));
        assertNull(delivered.getCreator(), "delivered mail has no creator");
        Folder target = new Folder(owner, null, "Archive", null, NOW);
        MailItem copy = delivered.copyTo(target, reader, EnumSet.of(Flag.FLAGGED), List.of("Kept"));
        assertSame(reader, copy.getCreator());
        assertEquals(EnumSet.of(Flag.FLAGGED), copy.getFlags());
        assertEquals(List.of("Kept"), copy.getKeywords());
        assertEquals(delivered.getInternalDate(), copy.getInternalDate());
        MailItem appended = MailItem.file(folder, content, NOW, Set.of()).createdBy(reader);
        assertSame(reader, appended.getCreator());
        assertSame(reader, appended.copyTo(target).getCreator(), "a plain copy keeps the creator");
    }
}
