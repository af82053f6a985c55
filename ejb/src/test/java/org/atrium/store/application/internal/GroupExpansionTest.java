package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expansion of distribution groups at delivery (issue #4, ADR 0012). */
class GroupExpansionTest {

    private static final String ALICE = "alice@a.test";
    private static final String BOB = "bob@a.test";
    private static final String CAROL = "carol@a.test";

    private static FakeDirectory directory() {
        return new FakeDirectory("a.test").account(ALICE, "Alice", "al@a.test").account(BOB, "Bob")
                .account(CAROL, "Carol");
    }

    private static Set<Route> routes(FakeDirectory d, String group, String sender) {
        List<Route> routes = new GroupExpansion(d.lookup()).expand(group, sender).routes();
        Set<Route> set = new HashSet<>(routes);
        assertEquals(routes.size(), set.size(), "each destination once: " + routes);
        return set;
    }

    @Test
    void nestedGroupsExpandToTheirMembers() {
        FakeDirectory d = directory().group("top@a.test", false, ALICE, "mid@a.test")
                .group("mid@a.test", false, BOB, "low@a.test").group("low@a.test", false, CAROL);
        assertEquals(Set.of(new Route.Mailbox(ALICE), new Route.Mailbox(BOB), new Route.Mailbox(CAROL)),
                routes(d, "top@a.test", "x@outside.test"));
    }

    @Test
    void aLoopEndsWithTheMembersOfBothOnce() {
        FakeDirectory d = directory().group("g1@a.test", false, ALICE, "g2@a.test")
                .group("g2@a.test", false, BOB, "g1@a.test");
        assertEquals(Set.of(new Route.Mailbox(ALICE), new Route.Mailbox(BOB)), routes(d, "g1@a.test", ""));
        assertEquals(Set.of(new Route.Mailbox(ALICE), new Route.Mailbox(BOB)), routes(d, "g2@a.test", ""));
    }

    @Test
    void anAccountNamedTwiceOrThroughAnAliasGetsOneCopy() {
        FakeDirectory d = directory().group("all@a.test", false, ALICE, "al@a.test", "sub@a.test", "sub2@a.test")
                .group("sub@a.test", false, ALICE, BOB).group("sub2@a.test", false, "sub@a.test", BOB);
        List<Route> routes = new GroupExpansion(d.lookup()).expand("all@a.test", "").routes();
        assertEquals(List.of(new Route.Mailbox(ALICE), new Route.Mailbox(BOB)), routes);
        assertEquals(1, d.groupLookups.get("sub@a.test"), "a group named by two others is read once");
    }

    @Test
    void remoteMembersAndFoldersAreRoutesOfTheirOwn() {
        FakeDirectory d = directory().folder("news@a.test", 42).group("mixed@a.test", false, ALICE,
                "partner@outside.test", "news@a.test");
        assertEquals(Set.of(new Route.Mailbox(ALICE), new Route.Remote("partner@outside.test"),
                new Route.PublicFolder(42, "news@a.test")), routes(d, "mixed@a.test", ""));
    }

    @Test
    void vanishedAndDisabledMembersAreSkippedAndReported() {
        FakeDirectory d = directory().disabled(BOB).group("g@a.test", false, ALICE, BOB, "gone@a.test");
        GroupExpansion.Result r = new GroupExpansion(d.lookup()).expand("g@a.test", "");
        assertEquals(List.of(new Route.Mailbox(ALICE)), r.routes());
        assertEquals(List.of(new GroupExpansion.Skipped(BOB, "account disabled"),
                new GroupExpansion.Skipped("gone@a.test", "no such address any more")), r.skipped());
    }

    @Test
    void anEmptyGroupDeliversNothing() {
        FakeDirectory d = directory().group("empty@a.test", false);
        GroupExpansion.Result r = new GroupExpansion(d.lookup()).expand("empty@a.test", "");
        assertTrue(r.routes().isEmpty());
        assertTrue(r.skipped().isEmpty());
    }

    @Test
    void aNestedMembersOnlyGroupIsSkippedForOutsiders() {
        FakeDirectory d = directory().group("top@a.test", false, ALICE, "board@a.test")
                .group("board@a.test", true, BOB, CAROL);
        GroupExpansion.Result outsider = new GroupExpansion(d.lookup()).expand("top@a.test", "x@outside.test");
        assertEquals(List.of(new Route.Mailbox(ALICE)), outsider.routes());
        assertEquals("board@a.test", outsider.skipped().get(0).address());
        assertEquals(Set.of(new Route.Mailbox(ALICE), new Route.Mailbox(BOB), new Route.Mailbox(CAROL)),
                routes(d, "top@a.test", "carol@a.test"), "a member of the nested group");
        assertEquals(1, new GroupExpansion(d.lookup()).expand("top@a.test", "").routes().size(),
                "the null sender is nobody's member");
        assertEquals(3, new GroupExpansion(d.lookup()).expand("top@a.test", null).routes().size(),
                "EXPN checks nobody");
    }

    @Test
    void membershipCountsAliasesNestingAndOutsideContacts() {
        FakeDirectory d = directory().group("club@a.test", true, "inner@a.test", "friend@outside.test")
                .group("inner@a.test", false, ALICE, "club@a.test");
        GroupExpansion e = new GroupExpansion(d.lookup());
        assertTrue(e.isMember("club@a.test", ALICE), "through a nested group");
        assertTrue(e.isMember("club@a.test", "AL@a.test"), "an alias counts as its account");
        assertTrue(e.isMember("club@a.test", "Friend@Outside.test"), "an outside contact, case-insensitively");
        assertFalse(e.isMember("club@a.test", BOB));
        assertFalse(e.isMember("club@a.test", ""));
        assertFalse(e.isMember("club@a.test", null));
        assertFalse(e.isMember("club@a.test", "inner@a.test"), "a nested group is no sender");
    }
}
