package org.atrium.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.GroupView;
import org.atrium.store.application.StoreException;
import org.junit.jupiter.api.Test;

/**
 * Input checks of the group and domain resources, and what they hand to the directory (issue #6). Calls that build a
 * {@code Response} need a JAX-RS runtime and are covered by GroupAdminIT.
 */
class GroupDomainResourceTest {

    private final List<String> calls = new ArrayList<>();
    private static final GroupView TEAM = new GroupView(1, "team@a.test", "Team", false, List.of(), List.of());

    private DirectoryService directory() {
        return (DirectoryService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DirectoryService.class}, (proxy, method, args) -> {
                    calls.add(method.getName() + Arrays.toString(args));
                    return switch (method.getName()) {
                        case "group" -> "team@a.test".equals(args[0]) ? Optional.of(TEAM) : Optional.empty();
                        case "addGroupMember", "updateGroup" -> TEAM;
                        default -> null;
                    };
                });
    }

    private GroupResource groups() {
        GroupResource r = new GroupResource();
        r.directory = directory();
        r.request = TestRequests.globalAdmin();
        return r;
    }

    private DomainResource domains() {
        DomainResource r = new DomainResource();
        r.directory = directory();
        r.request = TestRequests.globalAdmin();
        return r;
    }

    private static void assertInvalid(String field, org.junit.jupiter.api.function.Executable call) {
        StoreException e = assertThrows(StoreException.class, call);
        assertEquals(StoreException.Code.INVALID, e.code());
        assertEquals(field, e.field());
    }

    @Test
    void anUnknownGroupIsNotFound() {
        assertEquals(TEAM, groups().get("team@a.test"));
        StoreException e = assertThrows(StoreException.class, () -> groups().get("nobody@a.test"));
        assertEquals(StoreException.Code.NOT_FOUND, e.code());
    }

    @Test
    void aMemberIsRequired() {
        assertInvalid("member", () -> groups().addMember("team@a.test", null));
        assertInvalid("member", () -> groups().addMember("team@a.test", new GroupResource.NewMember("  ")));
        assertTrue(calls.isEmpty(), "nothing reaches the directory: " + calls);
    }

    @Test
    void settingsNeedAtLeastOneFieldAndPassNullsThrough() {
        assertInvalid("displayName", () -> groups().update("team@a.test", new GroupResource.GroupSettings(null, null)));
        assertInvalid("displayName", () -> groups().update("team@a.test", null));
        groups().update("team@a.test", new GroupResource.GroupSettings(null, true));
        assertEquals(List.of("updateGroup[team@a.test, null, true]"), calls);
    }

    @Test
    void aDomainAliasIsRequired() {
        assertInvalid("alias", () -> domains().addAlias("a.test", null));
        assertInvalid("alias", () -> domains().addAlias("a.test", new DomainResource.NewAlias("")));
        assertTrue(calls.isEmpty(), "nothing reaches the directory: " + calls);
    }

    @Test
    void aCatchAllNeedsAnAddressAndDeleteTurnsItOff() {
        assertInvalid("address", () -> domains().setCatchAll("a.test", null));
        assertInvalid("address", () -> domains().setCatchAll("a.test", new DomainResource.CatchAll(" ")));
        assertTrue(calls.isEmpty(), "nothing reaches the directory: " + calls);
        domains().setCatchAll("a.test", new DomainResource.CatchAll("info@a.test"));
        domains().removeCatchAll("a.test");
        assertEquals(List.of("setCatchAll[a.test, info@a.test]", "setCatchAll[a.test, null]"), calls);
    }
}
