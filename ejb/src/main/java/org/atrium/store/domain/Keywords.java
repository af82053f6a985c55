package org.atrium.store.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A message's keywords (RFC 3501 §2.3.2: user-defined flags, atoms) as stored in {@code mail_item.keywords}: one
 * space-separated string. Keywords compare case-insensitively (RFC 3501 §9 "flag-keyword" is an atom, and clients
 * such as Thunderbird send {@code $Label1} and {@code $label1} for one keyword); the spelling first stored is kept.
 *
 * <p>Invariants: each keyword is an atom without {@code \} (that prefix is for system flags) and the stored form fits
 * {@link #MAX_STORED} characters.
 */
public final class Keywords {

    /** The column size. */
    public static final int MAX_STORED = 4000;
    private static final String ATOM_SPECIALS = "(){ %*\"\\]";

    /** The keywords of one message do not fit the column: an implementation limit (RFC 5530 LIMIT). */
    public static final class TooMany extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        TooMany() {
            super("too many keywords on one message");
        }
    }

    private Keywords() {
    }

    /** The keywords of a stored column value, in stored order. */
    public static List<String> parse(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String k : stored.split(" ")) {
            if (!k.isEmpty()) {
                out.add(k);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The column value, or null when there is none. */
    public static String format(Collection<String> keywords) {
        if (keywords.isEmpty()) {
            return null;
        }
        String s = String.join(" ", keywords);
        if (s.length() > MAX_STORED) {
            throw new TooMany();
        }
        return s;
    }

    /** Checks that a keyword is an atom that may be stored (RFC 3501 §9 flag-keyword). */
    public static String validate(String keyword) {
        if (keyword == null || keyword.isEmpty() || keyword.length() > 255) {
            throw new IllegalArgumentException("invalid keyword");
        }
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            if (c <= 0x20 || c >= 0x7f || ATOM_SPECIALS.indexOf(c) >= 0) {
                throw new IllegalArgumentException("invalid keyword: " + keyword);
            }
        }
        return keyword;
    }

    /** The keywords after a change, spelling of kept ones preserved; the input lists are not modified. */
    public static List<String> apply(List<String> current, FlagMode mode, Collection<String> given) {
        List<String> out = new ArrayList<>(mode == FlagMode.REPLACE ? List.of() : current);
        for (String k : given) {
            validate(k);
            int at = indexOf(out, k);
            if (mode == FlagMode.REMOVE) {
                if (at >= 0) {
                    out.remove(at);
                }
            } else if (at < 0) {
                out.add(k);
            }
        }
        return out;
    }

    /** Whether two keyword lists hold the same keywords, ignoring order and case. */
    public static boolean sameSet(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (String k : a) {
            if (indexOf(b, k) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(List<String> list, String keyword) {
        String lower = keyword.toLowerCase(Locale.ROOT);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).toLowerCase(Locale.ROOT).equals(lower)) {
                return i;
            }
        }
        return -1;
    }
}
