package org.atrium.connector.net;

/**
 * Client-supplied values made safe for the operator log of every protocol session (SMTP, POP3, IMAP).
 *
 * <p>Invariant: the result is one quoted token with no control characters (so a client cannot forge log lines with
 * CR/LF) and at most 64 characters of the value (so a client cannot flood the log).
 */
public final class LogValues {

    private static final int MAX_CHARS = 64;

    private LogValues() {
    }

    /** {@code value} in double quotes, controls, DEL and quotes as {@code ?}, cut at 64 characters with "...". */
    public static String loggable(String value) {
        StringBuilder sb = new StringBuilder(Math.min(value.length(), MAX_CHARS) + 2).append('"');
        for (int i = 0; i < value.length() && i < MAX_CHARS; i++) {
            char c = value.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || c == '"' ? '?' : c);
        }
        if (value.length() > MAX_CHARS) {
            sb.append("...");
        }
        return sb.append('"').toString();
    }
}
