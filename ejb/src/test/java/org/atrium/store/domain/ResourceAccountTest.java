package org.atrium.store.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Resource accounts (ADR 0017): mailboxes that never log in and are no public folder stores. */
class ResourceAccountTest {

    private final Domain domain = new Domain("atrium.test", Instant.EPOCH);

    @Test
    void kinds() {
        assertFalse(AccountKind.RESOURCE.isPublic(), "a resource is no public folder tree");
        assertTrue(AccountKind.RESOURCE.isMailbox());
        assertTrue(AccountKind.USER.isMailbox());
        assertFalse(AccountKind.USER.isPublic());
        assertTrue(AccountKind.PUBLIC_ORG.isPublic());
        assertTrue(AccountKind.PUBLIC_DOMAIN.isPublic());
        assertFalse(AccountKind.PUBLIC_DOMAIN.isMailbox());
    }

    @Test
    void resourceAccountHasNoPasswordSoNoLoginMatches() {
        Account room = Account.resource(domain, MailAddress.parse("board@atrium.test"), "Boardroom", Instant.EPOCH);
        assertEquals(AccountKind.RESOURCE, room.getKind());
        assertEquals("Boardroom", room.getDisplayName());
        assertFalse(room.isAdmin());
        assertTrue(room.isEnabled(), "enabled: it receives mail");
        assertFalse(room.passwordMatches(""));
        assertFalse(room.passwordMatches("anything"));
        assertEquals("board", Account.resource(domain, MailAddress.parse("board@atrium.test"), " ", Instant.EPOCH)
                .getDisplayName());
        assertThrows(IllegalArgumentException.class,
                () -> Account.resource(domain, MailAddress.parse("board@other.test"), null, Instant.EPOCH));
    }

    @Test
    void resourceInfoOnlyForResourceAccounts() {
        Account user = new Account(domain, MailAddress.parse("bob@atrium.test"), "Bob", false, Instant.EPOCH);
        assertThrows(IllegalArgumentException.class, () -> new ResourceInfo(user, ResourceInfo.Type.ROOM));
        Account room = Account.resource(domain, MailAddress.parse("board@atrium.test"), null, Instant.EPOCH);
        ResourceInfo info = new ResourceInfo(room, ResourceInfo.Type.ROOM);
        info.setCapacity(8);
        assertEquals(8, info.getCapacity());
        assertThrows(IllegalArgumentException.class, () -> info.setCapacity(-1));
    }
}
