package org.atrium.store.infrastructure.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.EntityNotFoundException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.atrium.connector.imap.port.AclOperation;
import org.atrium.connector.imap.port.FlagOperation;
import org.atrium.connector.imap.port.FolderInfo;
import org.atrium.connector.imap.port.MailboxException.Code;
import org.atrium.store.application.FolderService.FolderView;
import org.atrium.store.application.MailboxRefusal;
import org.atrium.store.application.MailboxRefusal.Reason;
import org.atrium.store.domain.Flag;
import org.atrium.store.domain.FlagMode;
import org.atrium.store.domain.Rights;
import org.atrium.store.domain.SpecialUse;
import org.junit.jupiter.api.Test;

/** The adapter's translations: flag names (RFC 3501 §2.3.2), response codes (RFC 5530), special use (RFC 6154). */
class ImapMailStoreAdapterTest {

    @Test
    void systemFlagsCompareCaseInsensitivelyAndComeBackInRfcSpelling() {
        ImapFlags.Split s = ImapFlags.split(List.of("\\SEEN", "\\deleted", "\\Recent", "$Forwarded", "Work"));
        assertEquals(EnumSet.of(Flag.SEEN, Flag.DELETED), s.system());
        assertEquals(List.of("$Forwarded", "Work"), s.keywords(), "\\Recent is never stored");
        assertEquals(Set.of("\\Seen", "\\Deleted", "$Forwarded"),
                ImapFlags.names(EnumSet.of(Flag.SEEN, Flag.DELETED), List.of("$Forwarded")));
        for (Flag f : Flag.values()) {
            assertEquals(EnumSet.of(f), ImapFlags.split(List.of(ImapFlags.name(f))).system());
        }
        assertThrows(IllegalArgumentException.class, () -> ImapFlags.split(List.of("\\Important")));
    }

    @Test
    void refusalsMapToTheirResponseCodes() {
        assertEquals(Code.NONEXISTENT, code(Reason.NO_SUCH_FOLDER, Code.NONEXISTENT));
        assertEquals(Code.TRYCREATE, code(Reason.NO_SUCH_FOLDER, Code.TRYCREATE), "APPEND/COPY target missing");
        assertEquals(Code.ALREADYEXISTS, code(Reason.EXISTS, Code.NONEXISTENT));
        assertEquals(Code.HASCHILDREN, code(Reason.HAS_CHILDREN, Code.NONEXISTENT));
        assertEquals(Code.OVERQUOTA, code(Reason.OVER_QUOTA, Code.TRYCREATE));
        assertEquals(Code.CANNOT, code(Reason.CANNOT, Code.NONEXISTENT));
        assertEquals(Code.LIMIT, code(Reason.LIMIT, Code.NONEXISTENT));
        assertEquals(Code.NOPERM, code(Reason.NO_PERMISSION, Code.NONEXISTENT), "RFC 4314 §4: no administer right");
        assertEquals(Code.HASCHILDREN, ImapMailStoreAdapter.mapped(
                new EJBException(new MailboxRefusal(Reason.HAS_CHILDREN, "x")), Code.NONEXISTENT).code(),
                "unwrapped from a container exception");
        assertEquals(Code.NONEXISTENT, ImapMailStoreAdapter.mapped(
                new EJBException(new EntityNotFoundException("deleted meanwhile")), Code.NONEXISTENT).code(),
                "a folder deleted between look-up and lock");
        assertEquals(Code.SERVERBUG,
                ImapMailStoreAdapter.mapped(new IllegalStateException("db down"), Code.NONEXISTENT).code());
    }

    private static Code code(Reason r, Code missing) {
        return ImapMailStoreAdapter.mapped(new MailboxRefusal(r, "m"), missing).code();
    }

    @Test
    void specialUseAttributesAndFlagOperations() {
        assertEquals("\\Sent", ImapMailStoreAdapter.specialUse(SpecialUse.SENT));
        assertEquals("\\Junk", ImapMailStoreAdapter.specialUse(SpecialUse.JUNK));
        assertNull(ImapMailStoreAdapter.specialUse(SpecialUse.INBOX));
        assertNull(ImapMailStoreAdapter.specialUse(null));
        assertEquals(FlagMode.ADD, ImapMailStoreAdapter.mode(FlagOperation.ADD));
        assertEquals(FlagMode.REMOVE, ImapMailStoreAdapter.mode(FlagOperation.REMOVE));
        assertEquals(FlagMode.REPLACE, ImapMailStoreAdapter.mode(FlagOperation.REPLACE));
        assertEquals(Rights.Mode.ADD, ImapMailStoreAdapter.rightsMode(AclOperation.ADD));
        assertEquals(Rights.Mode.REMOVE, ImapMailStoreAdapter.rightsMode(AclOperation.REMOVE));
        assertEquals(Rights.Mode.REPLACE, ImapMailStoreAdapter.rightsMode(AclOperation.REPLACE));
    }

    @Test
    void theEarlyQuotaCheckOfAppendIsForTheCallersOwnNamesOnly() {
        assertTrue(ImapMailStoreAdapter.ownName("INBOX"));
        assertTrue(ImapMailStoreAdapter.ownName("Other Usersx/a"));
        assertTrue(ImapMailStoreAdapter.ownName("public folders/a"), "namespace prefixes compare exactly");
        assertFalse(ImapMailStoreAdapter.ownName("Public Folders/Sales"), "a public folder has its own limit");
        assertFalse(ImapMailStoreAdapter.ownName("Other Users/bob@atrium.test/INBOX"), "the owner's quota counts");
        assertFalse(ImapMailStoreAdapter.ownName("Other Users"));
    }

    @Test
    void listedNamesKeepWhetherTheyCanBeSelected() {
        FolderInfo root = ImapMailStoreAdapter.info(new FolderView(0, "Other Users", null, false, true, false));
        assertFalse(root.selectable(), "LIST shows it \\Noselect");
        assertTrue(root.hasChildren());
        FolderInfo sent = ImapMailStoreAdapter.info(new FolderView(3, "Sent", SpecialUse.SENT, true, false, true));
        assertEquals(new FolderInfo("Sent", "\\Sent", true, false, true), sent);
    }
}
