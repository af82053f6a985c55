package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupNestingTest {

    /** Groups by address; every other address (accounts, contacts) has no members. */
    private static Optional<List<String>> loop(Map<String, Set<String>> groups, String group, String member) {
        return GroupNesting.loop(group, member, groups::get);
    }

    @Test
    void aGroupCannotContainItself() {
        assertEquals(Optional.of(List.of("team@a.test", "team@a.test")), loop(Map.of(), "team@a.test", "team@a.test"));
    }

    @Test
    void accountsContactsAndUnrelatedGroupsAreNoLoop() {
        Map<String, Set<String>> groups = Map.of(
                "team@a.test", Set.of("alice@a.test"),
                "sales@a.test", Set.of("bob@a.test", "partner@outside.test"));
        assertTrue(loop(groups, "team@a.test", "bob@a.test").isEmpty());
        assertTrue(loop(groups, "team@a.test", "partner@outside.test").isEmpty());
        assertTrue(loop(groups, "team@a.test", "sales@a.test").isEmpty());
    }

    @Test
    void aDirectCycleIsNamed() {
        Map<String, Set<String>> groups = Map.of(
                "a@x.test", Set.of("b@x.test"),
                "b@x.test", Set.of("alice@x.test"));
        // b would contain a, which already contains b.
        assertEquals(Optional.of(List.of("b@x.test", "a@x.test", "b@x.test")), loop(groups, "b@x.test", "a@x.test"));
    }

    @Test
    void aCycleThroughSeveralLevelsIsFound() {
        Map<String, Set<String>> groups = Map.of(
                "top@x.test", Set.of("mid@x.test", "carol@x.test"),
                "mid@x.test", Set.of("low@x.test"),
                "low@x.test", Set.of("dave@x.test"));
        assertEquals(Optional.of(List.of("low@x.test", "top@x.test", "mid@x.test", "low@x.test")),
                loop(groups, "low@x.test", "top@x.test"));
        // The same group twice on different paths (a diamond) is no loop.
        Map<String, Set<String>> diamond = Map.of(
                "top@x.test", Set.of("left@x.test", "right@x.test"),
                "left@x.test", Set.of("base@x.test"),
                "right@x.test", Set.of("base@x.test"),
                "base@x.test", Set.of("erin@x.test"));
        assertTrue(loop(diamond, "other@x.test", "top@x.test").isEmpty());
    }

    @Test
    void aLoopAlreadyStoredElsewhereDoesNotHangTheCheck() {
        Map<String, Set<String>> groups = Map.of(
                "p@x.test", Set.of("q@x.test"),
                "q@x.test", Set.of("p@x.test"));
        assertTrue(loop(groups, "new@x.test", "p@x.test").isEmpty());
    }
}
