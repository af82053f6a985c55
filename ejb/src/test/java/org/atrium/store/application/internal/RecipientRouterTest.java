package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.RecipientResolution;
import org.atrium.store.application.RecipientResolution.Kind;
import org.junit.jupiter.api.Test;

/** Routes of one accepted recipient at delivery (issue #4, ADR 0012). */
class RecipientRouterTest {

    private static RecipientRouter router(DirectoryService directory) {
        RecipientRouter r = new RecipientRouter();
        r.directory = directory;
        return r;
    }

    @Test
    void aSingleAddressYieldsOneRoute() {
        FakeDirectory d = new FakeDirectory("a.test").account("alice@a.test", "Alice", "al@a.test")
                .disabled("alice@a.test").folder("news@a.test", 7);
        RecipientRouter r = router(d.service());
        assertEquals(List.of(new Route.Mailbox("alice@a.test")), r.routes("al@a.test", ""),
                "disabled after acceptance: still delivered");
        assertEquals(List.of(new Route.PublicFolder(7, "news@a.test")), r.routes("news@a.test", ""));
        assertEquals(List.of(new Route.Remote("Bob@outside.test")), r.routes("Bob@outside.test", ""));
        assertEquals(List.of(new Route.Failed("gone@a.test", "5.1.1", "no such mailbox any more")),
                r.routes("gone@a.test", ""));
    }

    @Test
    void aGroupExpandsAndALoopIsCut() {
        FakeDirectory d = new FakeDirectory("a.test").account("alice@a.test", "Alice").account("bob@a.test", "Bob")
                .group("g1@a.test", false, "alice@a.test", "g2@a.test")
                .group("g2@a.test", false, "bob@a.test", "g1@a.test", "p@outside.test");
        List<Route> routes = router(d.service()).routes("G1@a.test", "x@y.test");
        assertEquals(3, routes.size(), "each once: " + routes);
        assertEquals(Set.of(new Route.Mailbox("alice@a.test"), new Route.Remote("p@outside.test"),
                new Route.Mailbox("bob@a.test")), new HashSet<>(routes));
        assertEquals(List.of(), router(new FakeDirectory("a.test").group("empty@a.test", false).service())
                .routes("empty@a.test", ""), "an empty group delivers nothing");
    }

    @Test
    void aCatchAllOutsideRoutesAsRemote() {
        DirectoryService d = (DirectoryService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DirectoryService.class},
                (proxy, method, args) -> new RecipientResolution(Kind.FORWARD, "all@outside.test"));
        assertEquals(List.of(new Route.Remote("all@outside.test")), router(d).routes("unknown@a.test", ""));
    }
}
