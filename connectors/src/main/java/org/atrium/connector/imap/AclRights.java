package org.atrium.connector.imap;

/**
 * The rights letters of RFC 4314 §2.1 as this server supports them: the standard rights {@code l r s w i p k x t e a}
 * and the obsolete {@code c} and {@code d} of RFC 2086, which RFC 4314 §2.1.1 maps to {@code k x} and {@code t e}.
 *
 * <p>Invariant: {@link #canonical} returns each right at most once, in the order of {@link #ALL}; any other character
 * (upper case letters, digits of implementation-defined rights this server does not have) is refused, which the
 * parser turns into {@code BAD} as RFC 4314 §3.1 requires for unrecognized rights.
 */
public final class AclRights {

    /** Every right, in canonical order. */
    public static final String ALL = "lrswipkxtea";

    /** Rights advertised as {@code RIGHTS=texk} (RFC 4314 §2.1), those beyond RFC 2086. */
    public static final String EXTENDED = "texk";

    private AclRights() {
    }

    /**
     * The rights of {@code rights} in canonical order, obsolete {@code c}/{@code d} expanded.
     *
     * @throws IllegalArgumentException for a character that is not a supported right
     */
    public static String canonical(String rights) {
        boolean[] has = new boolean[ALL.length()];
        for (int i = 0; i < rights.length(); i++) {
            char c = rights.charAt(i);
            switch (c) {
                case 'c' -> mark(has, "kx");
                case 'd' -> mark(has, "te");
                default -> {
                    int at = ALL.indexOf(c);
                    if (at < 0) {
                        throw new IllegalArgumentException("unknown right '" + c + "'");
                    }
                    has[at] = true;
                }
            }
        }
        StringBuilder sb = new StringBuilder(ALL.length());
        for (int i = 0; i < has.length; i++) {
            if (has[i]) {
                sb.append(ALL.charAt(i));
            }
        }
        return sb.toString();
    }

    private static void mark(boolean[] has, String rights) {
        for (int i = 0; i < rights.length(); i++) {
            has[ALL.indexOf(rights.charAt(i))] = true;
        }
    }

    /** {@code s} as an atom when it is one, else quoted (RFC 3501 §9 astring); rights can be empty. */
    static String astring(String s) {
        if (s.isEmpty()) {
            return "\"\"";
        }
        for (int i = 0; i < s.length(); i++) {
            if (!ImapArgumentParser.isAtomChar(s.charAt(i))) {
                return ImapResponses.quote(s);
            }
        }
        return s;
    }
}
