package org.atrium.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.atrium.store.application.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AdminScopeTest {

    private static void assertForbidden(String message, Executable call) {
        StoreException e = assertThrows(StoreException.class, call);
        assertEquals(StoreException.Code.FORBIDDEN, e.code());
        assertEquals(message, e.getMessage());
    }

    @Test
    void aGlobalAdministratorMayEverything() {
        AdminScope s = AdminScope.of(TestRequests.globalAdmin());
        assertTrue(s.isGlobal());
        assertEquals("admin@a.test", s.caller());
        assertTrue(s.permits("anything.test"));
        assertTrue(s.permitsAddress("x@anything.test"));
        s.require("d2.test");
        s.requireGlobal();
        s.requireAccount("root@d2.test", true, List.of("d3.test"));
    }

    @Test
    void aDomainAdministratorMayItsDomainsOnly() {
        AdminScope s = AdminScope.of(TestRequests.user("boss@d1.test", "D1.test", "d3.test"));
        assertFalse(s.isGlobal());
        assertEquals(Set.of("d1.test", "d3.test"), s.domains());
        assertTrue(s.permits("d1.test"));
        assertTrue(s.permits(" D1.TEST. "));
        assertTrue(s.permitsAddress("Someone@D3.test"));
        assertFalse(s.permits("d2.test"));
        assertFalse(s.permits("sub.d1.test"));
        assertFalse(s.permits(null));
        assertFalse(s.permitsAddress("x@d2.test"));
        assertFalse(s.permitsAddress("x@d1.test@d2.test"));
        assertFalse(s.permitsAddress("d1.test")); // not an address: no domain
        s.require("d1.test");
        s.requireAddress("x@d1.test");
        assertForbidden("not an administrator of d2.test", () -> s.require("d2.test"));
        assertForbidden("not an administrator of d2.test", () -> s.requireAddress("x@D2.test"));
        assertForbidden("not an administrator of d1.test", () -> s.requireAddress("d1.test"));
        assertForbidden("global administrators only", s::requireGlobal);
    }

    @Test
    void aDomainAdministratorTakesOverNoAccountWithMorePower() {
        AdminScope s = AdminScope.of(TestRequests.user("boss@d1.test", "d1.test", "d3.test"));
        s.requireAccount("u@d1.test", false, List.of());
        s.requireAccount("u@d1.test", false, List.of("d3.test"));
        assertForbidden("root@d1.test is a global administrator",
                () -> s.requireAccount("root@d1.test", true, List.of()));
        assertForbidden("not an administrator of d2.test",
                () -> s.requireAccount("other@d1.test", false, List.of("d1.test", "d2.test")));
        assertForbidden("not an administrator of d2.test", () -> s.requireAccount("u@d2.test", false, List.of()));
    }

    @Test
    void aPlainUserMayOnlyActOnThemselves() {
        AdminScope s = AdminScope.of(TestRequests.user("alice@d1.test"));
        assertFalse(s.isGlobal());
        assertFalse(s.permits("d1.test"));
        s.requireSelfOrAddress("Alice@d1.test");
        assertForbidden("not an administrator of d1.test", () -> s.requireSelfOrAddress("bob@d1.test"));
        assertForbidden("not an administrator of d1.test", () -> s.requireAddress("alice@d1.test"));
    }

    @Test
    void nobodySignedInMayNothing() {
        AdminScope s = AdminScope.of(null);
        assertFalse(s.isGlobal());
        assertFalse(s.permits("d1.test"));
        assertForbidden("not an administrator of d1.test", () -> s.requireSelfOrAddress("x@d1.test"));
    }
}
