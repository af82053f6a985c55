package org.atrium.store.application.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.RecipientResolution;

/**
 * Expands a distribution group into the places its mail goes (RFC 5321 §3.9.2, issue #4, ADR 0012).
 *
 * <p>Rules: nested groups are expanded breadth-first, each group at most once, so a loop (A contains B contains A,
 * which {@link GroupNesting} prevents for new members but older data or groups created with members may hold) ends
 * with the members of both, once; each destination appears once however many groups name it (an account also through
 * its aliases); an address that no longer exists, or a disabled account, is left out and reported, never bounced; a
 * nested members-only group the sender is not a member of is left out and reported (the group at the top was decided
 * at RCPT, with the authenticated user, which delivery no longer knows).
 *
 * <p>Membership of a sender: the sender's canonical account (an alias counts as its account) or, for an outside
 * address, the address itself, among the group's members, directly or through nested groups (members-only
 * restrictions of those nested groups do not matter for membership).
 *
 * <p>One instance serves one message: it remembers each address and group it looked up, so a group named by several
 * others is read once. Not thread-safe.
 */
public final class GroupExpansion {

    /** What expansion needs of the directory. */
    public interface Lookup {

        /** As {@link DirectoryService#resolve}. */
        RecipientResolution resolve(String address);

        /** The group with this canonical address, or null when there is none (any more). */
        Group group(String address);

        /** Reads both from the directory. */
        static Lookup of(DirectoryService directory) {
            return new Lookup() {
                @Override
                public RecipientResolution resolve(String address) {
                    return directory.resolve(address);
                }

                @Override
                public Group group(String address) {
                    return directory.group(address)
                            .map(g -> new Group(g.address(), g.membersOnly(), List.copyOf(g.members()))).orElse(null);
                }
            };
        }
    }

    /** A group as expansion sees it. */
    public record Group(String address, boolean membersOnly, List<String> members) {
    }

    /** An address expansion left out, and why (for the delivery log; no DSN is sent for it). */
    public record Skipped(String address, String reason) {
    }

    /**
     * @param routes each destination once, in the order first reached
     * @param skipped what was left out
     */
    public record Result(List<Route> routes, List<Skipped> skipped) {
    }

    private final Lookup lookup;
    private final Map<String, RecipientResolution> resolved = new HashMap<>();
    private final Map<String, Optional<Group>> groups = new HashMap<>();

    public GroupExpansion(Lookup lookup) {
        this.lookup = lookup;
    }

    /**
     * The destinations of a group's mail.
     *
     * @param group the group's canonical address
     * @param sender whom nested members-only groups check; null: nobody is checked (EXPN lists every member)
     */
    public Result expand(String group, String sender) {
        Set<Route> routes = new LinkedHashSet<>();
        List<Skipped> skipped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        seen.add(key(group));
        pending.add(key(group));
        while (!pending.isEmpty()) {
            String current = pending.poll();
            Group g = group(current);
            if (g == null) {
                skipped.add(new Skipped(current, "no such group any more"));
                continue;
            }
            for (String member : g.members()) {
                RecipientResolution r = resolve(member);
                switch (r.kind()) {
                    case GROUP -> {
                        String nested = key(r.mailbox());
                        if (!seen.add(nested)) {
                            continue; // expanded already: a loop, or a group named twice
                        }
                        Group n = group(nested);
                        if (n != null && n.membersOnly() && sender != null && !isMember(nested, sender)) {
                            skipped.add(new Skipped(nested, "members-only group, the sender is no member"));
                        } else {
                            pending.add(nested);
                        }
                    }
                    case LOCAL -> routes.add(new Route.Mailbox(r.mailbox()));
                    case PUBLIC_FOLDER -> routes.add(new Route.PublicFolder(r.folderId(), r.mailbox()));
                    case FORWARD -> routes.add(new Route.Remote(r.mailbox()));
                    case NOT_LOCAL -> routes.add(new Route.Remote(member));
                    case DISABLED -> skipped.add(new Skipped(member, "account disabled"));
                    case UNKNOWN_LOCAL -> skipped.add(new Skipped(member, "no such address any more"));
                }
            }
        }
        return new Result(List.copyOf(routes), List.copyOf(skipped));
    }

    /**
     * Whether {@code sender} is a member of the group, directly or through nested groups.
     *
     * @param sender an address (an alias counts as its account); null or blank (the null reverse-path) is no member
     */
    public boolean isMember(String group, String sender) {
        if (sender == null || sender.isBlank()) {
            return false;
        }
        String who = canonical(sender.strip());
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        seen.add(key(group));
        pending.add(key(group));
        while (!pending.isEmpty()) {
            Group g = group(pending.poll());
            for (String member : g == null ? List.<String>of() : g.members()) {
                RecipientResolution r = resolve(member);
                if (r.kind() == RecipientResolution.Kind.GROUP) {
                    if (seen.add(key(r.mailbox()))) {
                        pending.add(key(r.mailbox()));
                    }
                } else if (who.equals(canonical(member))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An account's address for an account or its alias; any other address in lower case. */
    private String canonical(String address) {
        RecipientResolution r = resolve(address);
        return switch (r.kind()) {
            case LOCAL, DISABLED -> key(r.mailbox());
            default -> key(address);
        };
    }

    private RecipientResolution resolve(String address) {
        return resolved.computeIfAbsent(key(address), lookup::resolve);
    }

    /** The group with this address, or null; looked up once per instance. */
    public Group group(String address) {
        return groups.computeIfAbsent(key(address), a -> Optional.ofNullable(lookup.group(a))).orElse(null);
    }

    private static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
