package org.atrium.store.application.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.atrium.store.application.internal.FolderAccess.Access;
import org.atrium.store.domain.Flag;
import org.atrium.store.domain.FlagMode;

/**
 * Which flags a user may change on an item (RFC 4314 §4): {@code s} for \Seen, {@code t} for \Deleted, {@code w}
 * for every other flag and the keywords. The "own" rights of Exchange's author roles (ADR 0006) give {@code w} and
 * {@code t} on the items the user created. STORE, APPEND and COPY drop the flags the user has no right for instead
 * of failing (RFC 4314 §4, note on STORE); only a change of which nothing is left is refused. Pure.
 */
final class FlagRights {

    /**
     * A set of changeable (or touched) flags.
     *
     * @param flags system flags
     * @param keywords whether keywords are included
     */
    record Mask(Set<Flag> flags, boolean keywords) {

        static final Mask ALL = new Mask(EnumSet.allOf(Flag.class), true);

        Mask {
            flags = flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags);
        }

        boolean isEmpty() {
            return flags.isEmpty() && !keywords;
        }

        /** Whether this mask and {@code other} share a flag, or both include keywords. */
        boolean meets(Mask other) {
            if (keywords && other.keywords) {
                return true;
            }
            for (Flag f : flags) {
                if (other.flags.contains(f)) {
                    return true;
                }
            }
            return false;
        }
    }

    private FlagRights() {
    }

    /**
     * What a user with {@code access} may change on an item.
     *
     * @param ownItem whether the user created the item (its own rights apply)
     */
    static Mask allowed(Access access, boolean ownItem) {
        boolean w = access.rights().has('w') || ownItem && access.ownRights().has('w');
        boolean t = access.rights().has('t') || ownItem && access.ownRights().has('t');
        EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
        if (access.rights().has('s')) {
            flags.add(Flag.SEEN);
        }
        if (t) {
            flags.add(Flag.DELETED);
        }
        if (w) {
            for (Flag f : Flag.values()) {
                if (f != Flag.SEEN && f != Flag.DELETED) {
                    flags.add(f);
                }
            }
        }
        return new Mask(flags, w);
    }

    /** The most a user with {@code access} may change on any item (its own items included). */
    static Mask allowedSomewhere(Access access) {
        return allowed(access, true);
    }

    /**
     * What a STORE touches: a replacement sets or clears every flag and keyword; adding or removing touches only
     * the ones named.
     */
    static Mask touched(FlagMode mode, Set<Flag> flags, Collection<String> keywords) {
        return mode == FlagMode.REPLACE ? Mask.ALL : new Mask(flags, !keywords.isEmpty());
    }

    /** A reader's own \Seen after a STORE of {@code flags} in {@code mode}, from {@code seen} (ADR 0006). */
    static boolean seenAfter(FlagMode mode, Set<Flag> flags, boolean seen) {
        boolean named = flags.contains(Flag.SEEN);
        return switch (mode) {
            case REPLACE -> named;
            case ADD -> seen || named;
            case REMOVE -> seen && !named;
        };
    }

    /**
     * Whether a user with these rights can change anything in a folder (RFC 4314 §4, ADR 0006): SELECT opens
     * READ-ONLY (and claims no \Recent) without any of {@code s w t e i}.
     */
    static boolean mayWrite(Access access) {
        for (char c : "swtei".toCharArray()) {
            if (access.mayOnSomeItems(c)) {
                return true;
            }
        }
        return false;
    }

    /** The flags of {@code flags} the mask allows (APPEND and COPY targets keep only these). */
    static Set<Flag> filter(Set<Flag> flags, Mask allowed) {
        EnumSet<Flag> out = EnumSet.noneOf(Flag.class);
        for (Flag f : flags) {
            if (allowed.flags().contains(f)) {
                out.add(f);
            }
        }
        return out;
    }
}
