package org.atrium.store.infrastructure.inbound;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.atrium.store.domain.Flag;

/**
 * IMAP flag names (RFC 3501 §2.3.2) to the store's system {@link Flag}s and keywords, and back. System flags compare
 * case-insensitively and come back spelled as in the RFC; {@code \Recent} is the session's and never stored, so it is
 * dropped on the way in (RFC 3501 §6.4.6 leaves clients no way to set it); any other name starting with a backslash
 * is not a flag this server knows and is refused.
 */
final class ImapFlags {

    /** The split of a set of IMAP flag names. */
    record Split(Set<Flag> system, List<String> keywords) {
    }

    private ImapFlags() {
    }

    static String name(Flag f) {
        return switch (f) {
            case SEEN -> "\\Seen";
            case ANSWERED -> "\\Answered";
            case FLAGGED -> "\\Flagged";
            case DELETED -> "\\Deleted";
            case DRAFT -> "\\Draft";
        };
    }

    /** @throws IllegalArgumentException for an unknown system flag */
    static Split split(Collection<String> names) {
        EnumSet<Flag> system = EnumSet.noneOf(Flag.class);
        List<String> keywords = new ArrayList<>();
        for (String n : names) {
            if (!n.startsWith("\\")) {
                keywords.add(n);
                continue;
            }
            String lower = n.toLowerCase(Locale.ROOT);
            if (lower.equals("\\recent")) {
                continue;
            }
            Flag match = null;
            for (Flag f : Flag.values()) {
                if (name(f).toLowerCase(Locale.ROOT).equals(lower)) {
                    match = f;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException("unknown system flag " + n);
            }
            system.add(match);
        }
        return new Split(system, keywords);
    }

    /** IMAP names of stored flags and keywords. */
    static Set<String> names(Set<Flag> system, List<String> keywords) {
        Set<String> out = new LinkedHashSet<>();
        for (Flag f : system) {
            out.add(name(f));
        }
        out.addAll(keywords);
        return out;
    }
}
