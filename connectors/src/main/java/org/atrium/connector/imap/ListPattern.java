package org.atrium.connector.imap;

import java.util.Locale;
import java.util.regex.Pattern;
import org.atrium.connector.imap.port.ImapMailStore;

/**
 * A LIST/LSUB mailbox pattern joined to its reference (RFC 3501 §6.3.8): {@code *} matches any characters,
 * {@code %} any characters but the hierarchy delimiter; everything else matches itself, except that a leading
 * {@code INBOX} matches in any case (§5.1).
 */
final class ListPattern {

    private final Pattern regex;

    ListPattern(String reference, String pattern) {
        String full = reference + pattern;
        if (full.length() >= 5 && full.substring(0, 5).equalsIgnoreCase("INBOX")
                && (full.length() == 5 || full.charAt(5) == ImapMailStore.DELIMITER)) {
            full = full.substring(0, 5).toUpperCase(Locale.ROOT) + full.substring(5);
        }
        StringBuilder sb = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < full.length(); i++) {
            char c = full.charAt(i);
            if (c == '*' || c == '%') {
                if (!literal.isEmpty()) {
                    sb.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                sb.append(c == '*' ? ".*" : "[^" + Pattern.quote(String.valueOf(ImapMailStore.DELIMITER)) + "]*");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            sb.append(Pattern.quote(literal.toString()));
        }
        this.regex = Pattern.compile(sb.toString(), Pattern.DOTALL);
    }

    boolean matches(String path) {
        return regex.matcher(path).matches();
    }
}
