package org.atrium.store.domain;

/**
 * A set of access rights on a folder (RFC 4314 §2.1): the letters {@code l r s w i p k x t e a}, each at most once,
 * always in that canonical order, so two equal sets have equal values. The obsolete rights of RFC 2086 are accepted
 * on parsing and expanded as RFC 4314 §2.1.1 says: {@code c} to {@code k x}, {@code d} to {@code t e}.
 *
 * @param value the canonical letters; empty for no rights
 */
public record Rights(String value) {

    /** Every right, in canonical order. */
    public static final String LETTERS = "lrswipkxtea";

    /** All rights: what the owner of a folder always has. */
    public static final Rights ALL = new Rights(LETTERS);

    /** No right. */
    public static final Rights NONE = new Rights("");

    /** How a change combines with the rights held (RFC 4314 §3.1: {@code +}, {@code -}, or replacement). */
    public enum Mode {
        ADD, REMOVE, REPLACE
    }

    public Rights {
        if (value == null || !value.equals(canonicalLetters(value))) {
            throw new IllegalArgumentException("not canonical rights: " + value);
        }
    }

    /**
     * Parses rights letters in any order, with obsolete {@code c}/{@code d}.
     *
     * @throws IllegalArgumentException for a letter that is not a right
     */
    public static Rights parse(String letters) {
        return new Rights(canonicalLetters(letters));
    }

    private static String canonicalLetters(String letters) {
        if (letters == null) {
            throw new IllegalArgumentException("no rights");
        }
        String expanded = letters.replace("c", "kx").replace("d", "te");
        StringBuilder sb = new StringBuilder(LETTERS.length());
        for (int i = 0; i < LETTERS.length(); i++) {
            if (expanded.indexOf(LETTERS.charAt(i)) >= 0) {
                sb.append(LETTERS.charAt(i));
            }
        }
        for (int i = 0; i < expanded.length(); i++) {
            if (LETTERS.indexOf(expanded.charAt(i)) < 0) {
                throw new IllegalArgumentException("unknown right '" + expanded.charAt(i) + "'");
            }
        }
        return sb.toString();
    }

    /** These rights changed by {@code change} as SETACL asks (RFC 4314 §3.1). */
    public Rights apply(Mode mode, Rights change) {
        return switch (mode) {
            case REPLACE -> change;
            case ADD -> parse(value + change.value);
            case REMOVE -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < value.length(); i++) {
                    if (!change.has(value.charAt(i))) {
                        sb.append(value.charAt(i));
                    }
                }
                yield new Rights(sb.toString());
            }
        };
    }

    public boolean has(char right) {
        return value.indexOf(right) >= 0;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return value;
    }
}
