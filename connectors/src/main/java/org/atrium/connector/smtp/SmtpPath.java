package org.atrium.connector.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reverse-path or forward-path without its angle brackets (RFC 5321 §4.1.2), with the parser for the argument of
 * MAIL FROM: and RCPT TO:.
 *
 * <p>Invariants: {@code address} is empty for the null reverse-path {@code <>}, exactly {@code postmaster} for the
 * domain-less special recipient of RFC 5321 §4.5.1, and otherwise a syntactically valid {@code Mailbox}: a Dot-string
 * or Quoted-string local part of at most 64 octets, {@code @}, and a Domain or address literal of at most 255 octets
 * (§4.5.3.1.1, §4.5.3.1.2). Only US-ASCII is accepted: SMTPUTF8 (RFC 6531) is not offered. Source routes
 * ({@code <@a,@b:user@c>}) are accepted and dropped, as §4.1.1.3 and Appendix C tell servers to do. Because the
 * grammar admits no CR, LF or controls, an address can go into a reply or a trace header as it is.
 *
 * @param address the mailbox, {@code ""} or {@code postmaster}
 */
record SmtpPath(String address) {

    static final SmtpPath NULL = new SmtpPath("");

    private static final int MAX_PATH = 256;
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_DOMAIN = 255;

    boolean isNull() {
        return address.isEmpty();
    }

    @Override
    public String toString() {
        return "<" + address + ">";
    }

    /** A path followed by its ESMTP parameters ({@code keyword[=value]}, RFC 5321 §4.1.2 Mail-parameters). */
    record Parsed(SmtpPath path, List<String> parameters) {
        Parsed {
            parameters = List.copyOf(parameters);
        }
    }

    /** The argument does not follow the grammar; the message is for logs. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    /**
     * Parses {@code <path> [SP parameters]}, the text after {@code FROM:} or {@code TO:} with leading spaces removed.
     *
     * @param allowNull whether {@code <>} is acceptable (MAIL: yes, RCPT: no)
     * @param allowPostmaster whether the domain-less {@code <postmaster>} is acceptable (RCPT only)
     */
    static Parsed parse(String text, boolean allowNull, boolean allowPostmaster) throws SyntaxException {
        if (text.isEmpty() || text.charAt(0) != '<') {
            throw new SyntaxException("path must be enclosed in <>");
        }
        int close = closingBracket(text);
        if (close > MAX_PATH - 1) {
            throw new SyntaxException("path longer than " + MAX_PATH);
        }
        String inner = text.substring(1, close);
        String rest = text.substring(close + 1);
        if (!rest.isEmpty() && rest.charAt(0) != ' ') {
            throw new SyntaxException("garbage after path");
        }
        List<String> parameters = new ArrayList<>();
        for (String p : rest.trim().split(" +")) {
            if (!p.isEmpty()) {
                parameters.add(p);
            }
        }
        return new Parsed(mailbox(inner, allowNull, allowPostmaster), parameters);
    }

    /** Index of the {@code >} closing the path; a {@code >} inside a quoted local part does not count. */
    private static int closingBracket(String text) throws SyntaxException {
        boolean quoted = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        throw new SyntaxException("missing >");
    }

    private static SmtpPath mailbox(String inner, boolean allowNull, boolean allowPostmaster)
            throws SyntaxException {
        if (inner.isEmpty()) {
            if (!allowNull) {
                throw new SyntaxException("null path not allowed here");
            }
            return NULL;
        }
        if (allowPostmaster && inner.equalsIgnoreCase("postmaster")) {
            return new SmtpPath("postmaster");
        }
        String mailbox = inner.charAt(0) == '@' ? withoutSourceRoute(inner) : inner;
        int at = endOfLocalPart(mailbox);
        if (at >= mailbox.length() || mailbox.charAt(at) != '@') {
            throw new SyntaxException("mailbox needs local-part@domain");
        }
        if (at > MAX_LOCAL_PART) {
            throw new SyntaxException("local part longer than " + MAX_LOCAL_PART);
        }
        String domain = mailbox.substring(at + 1);
        if (!(isDomain(domain) || isAddressLiteral(domain))) {
            throw new SyntaxException("bad domain");
        }
        return new SmtpPath(mailbox);
    }

    /** Drops {@code @one,@two:} (A-d-l ":") after checking each hop is a Domain. */
    private static String withoutSourceRoute(String inner) throws SyntaxException {
        int colon = inner.indexOf(':');
        if (colon < 0) {
            throw new SyntaxException("source route without ':'");
        }
        for (String hop : inner.substring(0, colon).split(",", -1)) {
            if (hop.length() < 2 || hop.charAt(0) != '@' || !isDomain(hop.substring(1))) {
                throw new SyntaxException("bad source route");
            }
        }
        return inner.substring(colon + 1);
    }

    /** Index just past a Dot-string or Quoted-string local part starting at 0. */
    private static int endOfLocalPart(String s) throws SyntaxException {
        if (s.isEmpty()) {
            throw new SyntaxException("empty local part");
        }
        if (s.charAt(0) == '"') {
            for (int i = 1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\') {
                    // quoted-pairSMTP = %d92 %d32-126
                    if (i + 1 >= s.length() || s.charAt(i + 1) < 32 || s.charAt(i + 1) > 126) {
                        throw new SyntaxException("bad quoted pair");
                    }
                    i++;
                } else if (c == '"') {
                    return i + 1;
                } else if (c < 32 || c > 126) {
                    // qtextSMTP = %d32-33 / %d35-91 / %d93-126
                    throw new SyntaxException("bad character in quoted local part");
                }
            }
            throw new SyntaxException("unterminated quoted local part");
        }
        int i = 0;
        boolean atomStart = true;
        while (i < s.length() && s.charAt(i) != '@') {
            char c = s.charAt(i);
            if (c == '.') {
                if (atomStart) {
                    throw new SyntaxException("empty atom in local part");
                }
                atomStart = true;
            } else if (isAtext(c)) {
                atomStart = false;
            } else {
                throw new SyntaxException("bad character in local part");
            }
            i++;
        }
        if (atomStart) {
            throw new SyntaxException("local part must not be empty or end with '.'");
        }
        return i;
    }

    /** RFC 5322 §3.2.3 atext. */
    private static boolean isAtext(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
    }

    /** RFC 5321 §4.1.2 Domain: sub-domain *("." sub-domain), sub-domain = Let-dig [Ldh-str]. */
    static boolean isDomain(String d) {
        if (d.isEmpty() || d.length() > MAX_DOMAIN) {
            return false;
        }
        for (String label : d.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.charAt(0) == '-'
                    || label.charAt(label.length() - 1) == '-') {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    /** RFC 5321 §4.1.3: {@code [IPv4]}, {@code [IPv6:...]} or a General-address-literal {@code [tag:content]}. */
    static boolean isAddressLiteral(String d) {
        if (d.length() < 3 || d.charAt(0) != '[' || d.charAt(d.length() - 1) != ']') {
            return false;
        }
        String body = d.substring(1, d.length() - 1);
        if (body.regionMatches(true, 0, "IPv6:", 0, 5)) {
            return isIpv6(body.substring(5));
        }
        int colon = body.indexOf(':');
        if (colon < 0) {
            return isIpv4(body);
        }
        // General-address-literal: Standardized-tag ":" 1*dcontent (dcontent = %d33-90 / %d94-126)
        String tag = body.substring(0, colon);
        String content = body.substring(colon + 1);
        return isDomain(tag) && !tag.endsWith("-") && !content.isEmpty()
                && content.chars().allMatch(c -> c >= 33 && c <= 90 || c >= 94 && c <= 126);
    }

    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** RFC 5321 §4.1.3 IPv6-addr: full, compressed ({@code ::}) and with a trailing IPv4 part. */
    static boolean isIpv6(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        int groups = 8;
        int lastColon = lower.lastIndexOf(':');
        if (lastColon >= 0 && lower.indexOf('.', lastColon) > 0) {
            if (!isIpv4(lower.substring(lastColon + 1))) {
                return false;
            }
            lower = lower.substring(0, lastColon + 1) + "0:0";
        }
        int gap = lower.indexOf("::");
        if (gap >= 0) {
            if (lower.indexOf("::", gap + 1) >= 0) {
                return false;
            }
            String head = lower.substring(0, gap);
            String tail = lower.substring(gap + 2);
            int count = hexGroups(head) + hexGroups(tail);
            return count >= 0 && count <= groups - 1 && hexGroups(head) >= 0 && hexGroups(tail) >= 0;
        }
        return hexGroups(lower) == groups;
    }

    /** Number of 1-4 digit hex groups separated by ':', 0 for "", -1 if malformed. */
    private static int hexGroups(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        String[] parts = s.split(":", -1);
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return -1;
            }
        }
        return parts.length;
    }
}
