package org.atrium.web.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
