package org.atrium.connector.smtp;

/**
 * The xtext encoding of the DSN parameters ENVID and ORCPT (RFC 3461 §4): printable US-ASCII from {@code !} to
 * {@code ~} except {@code +} and {@code =}, which stand for themselves, and {@code +XX} with two upper-case hex digits
 * for any other octet.
 */
final class Xtext {

    private Xtext() {
    }

    /** Whether {@code text} is non-empty, valid xtext. */
    static boolean valid(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                if (i + 2 >= text.length() || !hex(text.charAt(i + 1)) || !hex(text.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c < '!' || c > '~' || c == '=') {
                return false;
            }
        }
        return true;
    }

    /** The octets xtext stands for, each as one char (ISO-8859-1); the input must be {@link #valid}. */
    static String decode(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                sb.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'F';
    }
}
