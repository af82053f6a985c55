package org.atrium.store.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A mailbox address {@code local-part@domain} as the store keeps it: domain lower-cased (RFC 5321 §2.4: domains are
 * case-insensitive), local part lower-cased too (Atrium treats its own local parts case-insensitively, as every
 * mainstream server does, although §2.4 allows otherwise), no display name, no brackets.
 *
 * <p>Validation is deliberately that of addresses Atrium hosts (dot-atom local parts), not of every address SMTP can
 * carry; the SMTP parser validates foreign addresses itself.
 */
public record MailAddress(String localPart, String domain) {

    private static final Pattern LOCAL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    public MailAddress {
        localPart = localPart.toLowerCase(Locale.ROOT);
        domain = domain.toLowerCase(Locale.ROOT);
        if (localPart.length() > 64 || !LOCAL.matcher(localPart).matches()) {
            throw new IllegalArgumentException("invalid local part: " + localPart);
        }
        if (!DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("invalid domain: " + domain);
        }
    }

    /** Parses {@code local@domain}; throws IllegalArgumentException with a reason on anything else. */
    public static MailAddress parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("address is required");
        }
        String t = text.trim();
        int at = t.lastIndexOf('@');
        if (at <= 0 || at == t.length() - 1) {
            throw new IllegalArgumentException("not an address of the form local@domain: " + text);
        }
        return new MailAddress(t.substring(0, at), t.substring(at + 1));
    }

    /** Checks a domain name (LDH labels, at least two, RFC 1035 §2.3.1 / RFC 5321 §4.1.2). */
    public static String normalizeDomain(String name) {
        if (name == null) {
            throw new IllegalArgumentException("domain name is required");
        }
        String d = name.trim().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (!DOMAIN.matcher(d).matches()) {
            throw new IllegalArgumentException("invalid domain name: " + name);
        }
        return d;
    }

    @Override
    public String toString() {
        return localPart + "@" + domain;
    }
}
