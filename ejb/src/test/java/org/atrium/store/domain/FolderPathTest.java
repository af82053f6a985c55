package org.atrium.store.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Folder paths: RFC 3501 §5.1 (INBOX case-insensitive), §6.3.3 (trailing delimiter), §6.3.5 (rename subtree). */
class FolderPathTest {

    @Test
    void inboxIsCaseInsensitiveAndKeptUpperCase() {
        assertEquals("INBOX", FolderPath.parse("inbox").value());
        assertEquals("INBOX", FolderPath.parse("InBoX").value());
        assertEquals("INBOX/Lists", FolderPath.parse("inbox/Lists").value());
        assertTrue(FolderPath.parse("Inbox").isInbox());
        assertFalse(FolderPath.parse("INBOX/x").isInbox());
        assertEquals("Inboxes", FolderPath.parse("Inboxes").value(), "only the whole first level is INBOX");
        assertEquals("Work/inbox", FolderPath.parse("Work/inbox").value(), "INBOX below the top is a plain name");
    }

    @Test
    void aTrailingDelimiterOnlyDeclaresAParent() {
        assertEquals("Work", FolderPath.parse("Work/").value());
        assertThrows(IllegalArgumentException.class, () -> FolderPath.parse("Work//"));
    }

    @Test
    void invalidNamesAreRefused() {
        for (String bad : List.of("", "/", "/Work", "a//b", "a/*", "100%", "tab\there", "x".repeat(256),
                ("abc/").repeat(300) + "x")) {
            assertThrows(IllegalArgumentException.class, () -> FolderPath.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> FolderPath.parse(null));
        assertEquals("Ünïcode & more", FolderPath.parse("Ünïcode & more").value());
    }

    @Test
    void lineageNameAndParent() {
        FolderPath p = FolderPath.parse("a/b/c");
        assertEquals(List.of(new FolderPath("a"), new FolderPath("a/b"), p), p.lineage());
        assertEquals("c", p.name());
        assertEquals(new FolderPath("a/b"), p.parent());
        assertNull(new FolderPath("a").parent());
        assertEquals(List.of("a", "b", "c"), p.levels());
    }

    @Test
    void renameRebasesTheSubtreeOnly() {
        FolderPath from = new FolderPath("Work");
        FolderPath to = new FolderPath("Archive/2026/Work");
        assertEquals(to, from.rebase(from, to));
        assertEquals(new FolderPath("Archive/2026/Work/Projects/X"),
                new FolderPath("Work/Projects/X").rebase(from, to));
        assertEquals(new FolderPath("Workshop"), new FolderPath("Workshop").rebase(from, to),
                "a sibling sharing the prefix is not below");
        assertEquals(new FolderPath("Other/Work"), new FolderPath("Other/Work").rebase(from, to));
        assertTrue(new FolderPath("Work/a").isBelow(from));
        assertFalse(new FolderPath("Work").isBelow(from));
        assertFalse(new FolderPath("Workshop/a").isBelow(from));
    }
}
