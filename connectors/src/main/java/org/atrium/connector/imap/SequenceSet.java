package org.atrium.connector.imap;

import java.util.ArrayList;
import java.util.List;

/**
 * A message sequence number set or UID set (RFC 3501 §9 {@code sequence-set}, RFC 9051 §9 adds {@code "$"} from
 * SEARCHRES, RFC 5182).
 *
 * <p>Invariants: every number is between 1 and 4294967295 (RFC 3501 {@code nz-number}, 32 bits) or {@link #STAR};
 * ranges keep the order the client wrote, since {@code 4:2} and {@code 2:4} mean the same set and {@code *} is only
 * known when a mailbox is selected; a saved set ({@code $}) has no ranges and must be resolved by the session from its
 * saved search result before {@link #contains} is asked.
 *
 * @param ranges the ranges, empty only for {@code $}
 * @param saved whether this is {@code $}
 */
public record SequenceSet(List<Range> ranges, boolean saved) {

    /** {@code *}: the largest number in use (RFC 3501 §9 {@code seq-number}). */
    public static final long STAR = -1;
    public static final long MAX = 0xFFFF_FFFFL;
    public static final SequenceSet SAVED = new SequenceSet(List.of(), true);

    public SequenceSet {
        ranges = List.copyOf(ranges);
        if (saved != ranges.isEmpty()) {
            throw new IllegalArgumentException("a set is either $ or has ranges");
        }
    }

    /** One {@code seq-number} or {@code seq-range}; a single number has {@code first == last}. */
    public record Range(long first, long last) {
        public Range {
            check(first);
            check(last);
        }

        private static void check(long n) {
            if (n != STAR && (n < 1 || n > MAX)) {
                throw new IllegalArgumentException("sequence number out of range: " + n);
            }
        }

        public boolean contains(long n, long max) {
            long a = first == STAR ? max : first;
            long b = last == STAR ? max : last;
            return n >= Math.min(a, b) && n <= Math.max(a, b);
        }

        @Override
        public String toString() {
            String a = first == STAR ? "*" : Long.toString(first);
            return first == last ? a : a + ":" + (last == STAR ? "*" : Long.toString(last));
        }
    }

    public static SequenceSet of(long... numbers) {
        List<Range> r = new ArrayList<>();
        for (long n : numbers) {
            r.add(new Range(n, n));
        }
        return new SequenceSet(r, false);
    }

    /**
     * Whether {@code n} is in the set once {@code *} stands for {@code max}, the highest number in use (RFC 3501
     * §6.4.8). Numbers outside 1..max are never contained: in an empty mailbox nothing matches, and {@code 5:*} in a
     * mailbox whose highest number is 3 means {@code 3:5}, of which only 3 exists.
     */
    public boolean contains(long n, long max) {
        if (saved) {
            throw new IllegalStateException("$ must be resolved from the saved search result first");
        }
        if (n < 1 || n > max) {
            return false;
        }
        for (Range r : ranges) {
            if (r.contains(n, max)) {
                return true;
            }
        }
        return false;
    }

    /** Parses the wire form; {@code allowSaved} is false where RFC 5182 does not allow {@code $}. */
    public static SequenceSet parse(String text, boolean allowSaved) throws ImapSyntaxException {
        if (text.equals("$")) {
            if (!allowSaved) {
                throw new ImapSyntaxException("$ not allowed here");
            }
            return SAVED;
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                long n = number(part);
                ranges.add(new Range(n, n));
            } else {
                ranges.add(new Range(number(part.substring(0, colon)), number(part.substring(colon + 1))));
            }
        }
        return new SequenceSet(ranges, false);
    }

    private static long number(String s) throws ImapSyntaxException {
        if (s.equals("*")) {
            return STAR;
        }
        if (s.isEmpty() || s.length() > 10 || s.charAt(0) == '0') {
            throw new ImapSyntaxException("Invalid sequence set");
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new ImapSyntaxException("Invalid sequence set");
            }
            v = v * 10 + (c - '0');
        }
        if (v > MAX) {
            throw new ImapSyntaxException("Invalid sequence set");
        }
        return v;
    }

    @Override
    public String toString() {
        if (saved) {
            return "$";
        }
        StringBuilder sb = new StringBuilder();
        for (Range r : ranges) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(r);
        }
        return sb.toString();
    }
}
