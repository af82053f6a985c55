package org.atrium.web.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdminAuthFilterTest {

    @Test
    void aUserReachesTheirOwnGrants() {
        assertTrue(AdminAuthFilter.ownGrantsPath("users/alice@example.com/grants", "alice@example.com"));
        assertTrue(AdminAuthFilter.ownGrantsPath("/users/Alice@Example.com/grants/", "alice@example.com"));
        assertTrue(AdminAuthFilter.ownGrantsPath("users/alice@example.com/grants/bob@example.com",
                "alice@example.com"));
    }

    @Test
    void butNothingElse() {
        assertFalse(AdminAuthFilter.ownGrantsPath("users/bob@example.com/grants", "alice@example.com"));
        assertFalse(AdminAuthFilter.ownGrantsPath("users/alice@example.com", "alice@example.com"));
        assertFalse(AdminAuthFilter.ownGrantsPath("users/alice@example.com/password", "alice@example.com"));
        assertFalse(AdminAuthFilter.ownGrantsPath("users/alice@example.com/grants/bob@example.com/x",
                "alice@example.com"));
        assertFalse(AdminAuthFilter.ownGrantsPath("users/alice@example.com/grants//", "alice@example.com"));
        assertFalse(AdminAuthFilter.ownGrantsPath("public-folders", "alice@example.com"));
        assertFalse(AdminAuthFilter.ownGrantsPath("users", "alice@example.com"));
        assertFalse(AdminAuthFilter.ownGrantsPath(null, "alice@example.com"));
    }

    @Test
    void folderOwnersReachOnlyThePermissionsOfPublicFolders() {
        assertTrue(AdminAuthFilter.permissionsPath("public-folders/permissions"));
        assertTrue(AdminAuthFilter.permissionsPath("/public-folders/permissions/"));
        assertFalse(AdminAuthFilter.permissionsPath("public-folders"));
        assertFalse(AdminAuthFilter.permissionsPath("public-folders/address"));
        assertFalse(AdminAuthFilter.permissionsPath("public-folders/permissions/x"));
        assertFalse(AdminAuthFilter.permissionsPath(null));
    }

    /** The decision table of ADR 0015: who reaches which resource class. */
    @Test
    void domainAdministratorsReachOnlyTheScopedClasses() {
        String me = "boss@d1.test";
        for (Class<?> c : List.of(UserResource.class, GroupResource.class, DomainResource.class, DkimResource.class,
                GrantResource.class, PublicFolderResource.class)) {
            assertTrue(AdminAuthFilter.permitted(false, true, c, "x", "POST", me), c.getSimpleName());
            assertFalse(AdminAuthFilter.permitted(false, false, c, "x", "POST", me), c.getSimpleName());
            assertTrue(AdminAuthFilter.permitted(true, false, c, "x", "POST", me), c.getSimpleName());
        }
        for (Class<?> c : List.of(DomainAdminResource.class, QueueResource.class, TrackingResource.class,
                StatusResource.class, AuditResource.class)) {
            assertFalse(AdminAuthFilter.permitted(false, true, c, "x", "GET", me), c.getSimpleName());
            assertFalse(AdminAuthFilter.permitted(false, false, c, "x", "GET", me), c.getSimpleName());
            assertTrue(AdminAuthFilter.permitted(true, false, c, "x", "GET", me), c.getSimpleName());
        }
        assertFalse(AdminAuthFilter.permitted(false, true, null, "queue", "GET", me));
        assertTrue(AdminAuthFilter.permitted(true, false, null, "queue", "GET", me));
    }

    @Test
    void usersKeepTheirSelfServicePaths() {
        String me = "alice@d1.test";
        assertTrue(AdminAuthFilter.permitted(false, false, GrantResource.class, "users/alice@d1.test/grants", "GET",
                me));
        assertFalse(AdminAuthFilter.permitted(false, false, GrantResource.class, "users/bob@d1.test/grants", "GET",
                me));
        assertTrue(AdminAuthFilter.permitted(false, false, PublicFolderResource.class, "public-folders/permissions",
                "PUT", me));
        assertFalse(AdminAuthFilter.permitted(false, false, PublicFolderResource.class, "public-folders/permissions",
                "GET", me));
        assertFalse(AdminAuthFilter.permitted(false, false, UserResource.class, "users/alice@d1.test", "GET", me));
    }
}
