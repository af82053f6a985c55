package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.atrium.connector.imap.port.ImapMailStore;
import org.atrium.store.application.internal.MailboxName.Space;
import org.atrium.store.domain.FolderPath;
import org.junit.jupiter.api.Test;

/** Mailbox names across the namespaces of ADR 0006 (RFC 2342 §5): parsing and the names a caller sees. */
class MailboxNameTest {

    @Test
    void thePrefixesAreTheOnesTheImapPortAnnounces() {
        assertEquals(ImapMailStore.OTHER_USERS, MailboxName.OTHER_USERS);
        assertEquals(ImapMailStore.PUBLIC_FOLDERS, MailboxName.PUBLIC_FOLDERS);
        assertEquals(String.valueOf(ImapMailStore.DELIMITER), "/");
    }

    @Test
    void ownNamesAreFolderPathsWithInboxCaseInsensitive() {
        MailboxName n = MailboxName.parse("inbox/Lists");
        assertEquals(Space.OWN, n.space());
        assertEquals(new FolderPath("INBOX/Lists"), n.path());
        assertEquals(new FolderPath("Archive"), MailboxName.parse("Archive/").path(), "trailing delimiter dropped");
    }

    @Test
    void otherUsersNamesCarryTheAddressLowerCaseAndThePathBelowIt() {
        MailboxName n = MailboxName.parse("Other Users/Bob@Atrium.Test/inbox/Team");
        assertEquals(Space.OTHER_USERS, n.space());
        assertEquals("bob@atrium.test", n.user());
        assertEquals(new FolderPath("INBOX/Team"), n.path());
        assertEquals("Other Users/bob@atrium.test/INBOX/Team", n.toString());
    }

    @Test
    void namespaceRootsAndUserNamesAreNoFolders() {
        for (String root : List.of("Other Users", "Other Users/", "Public Folders", "Public Folders/")) {
            MailboxName n = MailboxName.parse(root);
            assertFalse(n.isFolder(), root);
            assertNull(n.user(), root);
        }
        MailboxName user = MailboxName.parse("Other Users/bob@atrium.test");
        assertFalse(user.isFolder());
        assertEquals("bob@atrium.test", user.user());
        assertFalse(MailboxName.parse("Other Users/bob@atrium.test/").isFolder());
    }

    @Test
    void publicNamesArePathsInThePublicStore() {
        MailboxName n = MailboxName.parse("Public Folders/Sales/2026");
        assertEquals(Space.PUBLIC, n.space());
        assertTrue(n.isFolder());
        assertEquals(new FolderPath("Sales/2026"), n.path());
    }

    @Test
    void prefixesCompareExactlyLikeOtherNames() {
        assertEquals(Space.OWN, MailboxName.parse("other users/bob@atrium.test/INBOX").space());
        assertEquals(Space.OWN, MailboxName.parse("PUBLIC FOLDERS/Sales").space());
        assertEquals(Space.OWN, MailboxName.parse("Public FoldersX/Sales").space(), "a prefix ends at '/'");
        assertEquals(Space.OWN, MailboxName.parse("Other Usersx").space());
    }

    @Test
    void invalidNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> MailboxName.parse(null));
        assertThrows(IllegalArgumentException.class, () -> MailboxName.parse("Other Users//INBOX"));
        assertThrows(IllegalArgumentException.class, () -> MailboxName.parse("Public Folders/a//b"));
        assertThrows(IllegalArgumentException.class, () -> MailboxName.parse("Other Users/bob@atrium.test/a*"));
        assertThrows(IllegalArgumentException.class, () -> MailboxName.parse(""));
    }

    @Test
    void namesAsACallerSeesThem() {
        assertEquals("INBOX", MailboxName.of(Space.OWN, null, "INBOX"));
        assertEquals("Public Folders/Sales", MailboxName.of(Space.PUBLIC, null, "Sales"));
        assertEquals("Public Folders", MailboxName.of(Space.PUBLIC, null, null));
        assertEquals("Other Users/bob@atrium.test/Sent", MailboxName.of(Space.OTHER_USERS, "Bob@atrium.test",
                "Sent"));
        assertEquals("Other Users/bob@atrium.test", MailboxName.of(Space.OTHER_USERS, "bob@atrium.test", null));
        assertEquals("Other Users", MailboxName.of(Space.OTHER_USERS, null, null));
        for (String name : List.of("Public Folders/Sales/2026", "Other Users/bob@atrium.test/INBOX/x", "Drafts")) {
            assertEquals(name, MailboxName.parse(name).toString(), "formatting reverses parsing");
        }
    }
}
