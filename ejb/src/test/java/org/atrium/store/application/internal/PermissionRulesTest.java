package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.function.Function;
import org.atrium.store.application.StoreException;
import org.atrium.store.application.internal.PermissionRules.IdentifierKind;
import org.atrium.store.domain.Rights;
import org.junit.jupiter.api.Test;

class PermissionRulesTest {

    private static final Map<String, IdentifierKind> DIRECTORY = Map.of(
            "alice@example.com", IdentifierKind.USER,
            "team@example.com", IdentifierKind.GROUP,
            "#public@organisation", IdentifierKind.NOT_A_USER);

    private static final Function<String, IdentifierKind> LOOKUP =
            a -> DIRECTORY.getOrDefault(a, IdentifierKind.UNKNOWN);

    @Test
    void usersGroupsAnyoneAndAuthenticatedAreIdentifiers() {
        assertEquals("alice@example.com", PermissionRules.identifier(" Alice@Example.COM ", LOOKUP));
        assertEquals("team@example.com", PermissionRules.identifier("team@example.com", LOOKUP));
        assertEquals("anyone", PermissionRules.identifier("Anyone", LOOKUP));
        assertEquals("authenticated", PermissionRules.identifier("authenticated", LOOKUP));
    }

    @Test
    void unknownAddressesStoresAndNonsenseAreRefusedOnTheIdentifierField() {
        for (String bad : new String[] {"nobody@example.com", "#public@organisation", "owner", "", null, "a@b@c"}) {
            StoreException e = assertThrows(StoreException.class, () -> PermissionRules.identifier(bad, LOOKUP),
                    String.valueOf(bad));
            assertEquals(StoreException.Code.INVALID, e.code());
            assertEquals("identifier", e.field());
        }
    }

    @Test
    void aRoleStandsForItsPresets() {
        PermissionRules.Grant g = PermissionRules.grant("publishing-author", null, null);
        assertEquals(new Rights("lrsipk"), g.rights());
        assertEquals(new Rights("wte"), g.ownRights());
        assertEquals("Publishing Author", PermissionRules.roleName(g.rights(), g.ownRights()));
    }

    @Test
    void anUnknownRoleIsRefusedOnTheRoleField() {
        StoreException e = assertThrows(StoreException.class, () -> PermissionRules.grant("Boss", null, null));
        assertEquals("role", e.field());
        assertEquals("role", assertThrows(StoreException.class,
                () -> PermissionRules.grant(null, null, null)).field());
        assertEquals("role", assertThrows(StoreException.class,
                () -> PermissionRules.grant("Author", "lr", null)).field());
    }

    @Test
    void rawRightsAreCanonicalAndOwnRightsOnlyWte() {
        PermissionRules.Grant g = PermissionRules.grant(null, "srl", "ewt");
        assertEquals(new Rights("lrs"), g.rights());
        assertEquals(new Rights("wte"), g.ownRights());
        assertEquals("rights", assertThrows(StoreException.class,
                () -> PermissionRules.grant(null, "lrz", null)).field());
        assertEquals("ownRights", assertThrows(StoreException.class,
                () -> PermissionRules.grant(null, "lr", "wa")).field());
        // own rights already held on every item are dropped: they add nothing
        assertEquals(new Rights("e"), PermissionRules.grant(null, "lrswt", "wte").ownRights());
    }

    @Test
    void customRightsHaveNoRoleName() {
        assertNull(PermissionRules.roleName(new Rights("lrs"), new Rights("wte")));
        assertEquals("Reviewer", PermissionRules.roleName(new Rights("lrs"), Rights.NONE));
    }
}
