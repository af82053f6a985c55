package org.atrium.web.console;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as administrators type and read them in the console's quota forms: a whole number of octets, or a number with
 * a binary unit ({@code 500M}, {@code 2 GB}, {@code 1.5G}: K, M, G, T are 1024-based, as IMAP QUOTA clients show them).
 * A blank entry means "not set" (the next limit in the chain applies), never zero.
 */
final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(?:i?b)?");
    private static final String UNITS = "KMGT";

    private ByteSize() {
    }

    /**
     * The octets an entry stands for; null for a blank entry.
     *
     * @throws IllegalArgumentException with a message to show beside the field for anything else
     */
    static Long parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a size: enter octets or a number with K, M, G or T (500M).");
        }
        int power = m.group(2).isEmpty() ? 0 : UNITS.indexOf(m.group(2).toUpperCase(Locale.ROOT)) + 1;
        double value = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
        if (value >= Long.MAX_VALUE) {
            throw new IllegalArgumentException("That size is too large.");
        }
        if (power == 0 && m.group(1).contains(".")) {
            throw new IllegalArgumentException("Octets are whole numbers.");
        }
        return (long) Math.floor(value);
    }

    /** A size for people: {@code 0 B}, {@code 512 B}, {@code 1.5 K}, {@code 20 M}, {@code 2.1 G}; "" for null. */
    static String format(Long bytes) {
        if (bytes == null) {
            return "";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double v = bytes;
        int unit = -1;
        while (v >= 1024 && unit < UNITS.length() - 1) {
            v /= 1024;
            unit++;
        }
        String number = v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.1f", v);
        return number + " " + UNITS.charAt(unit);
    }
}
