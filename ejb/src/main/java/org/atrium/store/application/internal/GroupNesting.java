package org.atrium.store.application.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The nesting rule for distribution groups (issue #6): a group may contain other groups, but never itself, directly
 * or through other groups, since expanding such a group (RFC 5321 §3.9.2, mailing lists) would never end.
 */
final class GroupNesting {

    private GroupNesting() {
    }

    /**
     * The loop that adding {@code member} to {@code group} would close, or empty when there is none.
     *
     * @param group the group's address (lower case)
     * @param member the new member's address (lower case)
     * @param membersOf the members of a group, or null/empty for an address that is no group
     * @return the chain {@code group, member, ..., group}
     */
    static Optional<List<String>> loop(String group, String member, Function<String, Set<String>> membersOf) {
        if (group.equals(member)) {
            return Optional.of(List.of(group, group));
        }
        // Breadth-first from the new member; a group reached from it would then contain itself.
        Map<String, String> parent = new HashMap<>();
        Deque<String> pending = new ArrayDeque<>();
        parent.put(member, null);
        pending.add(member);
        while (!pending.isEmpty()) {
            String current = pending.poll();
            Set<String> members = membersOf.apply(current);
            for (String m : members == null ? Set.<String>of() : members) {
                if (parent.containsKey(m)) {
                    continue; // visited: an existing loop elsewhere must not make this run forever
                }
                parent.put(m, current);
                if (m.equals(group)) {
                    List<String> chain = new ArrayList<>();
                    for (String at = m; at != null; at = parent.get(at)) {
                        chain.add(at);
                    }
                    chain.add(group);
                    Collections.reverse(chain);
                    return Optional.of(List.copyOf(chain));
                }
                pending.add(m);
            }
        }
        return Optional.empty();
    }
}
