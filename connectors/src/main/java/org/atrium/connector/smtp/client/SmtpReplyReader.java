package org.atrium.connector.smtp.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the replies of a remote SMTP server (RFC 5321 §4.2): {@code code "-" text} lines until {@code code " " text}
 * (or a bare code). Bounded: a line longer than {@link #MAX_LINE} octets or a reply of more than
 * {@link #MAX_LINES} lines is a protocol error, so a broken or hostile next hop cannot fill memory.
 */
final class SmtpReplyReader {

    static final int MAX_LINE = 8192;
    static final int MAX_LINES = 100;
    /** The longest reply text handed on (a DSN's Diagnostic-Code, a tracking record). */
    static final int MAX_TEXT = 1000;

    /**
     * One reply.
     *
     * @param code the three-digit code
     * @param lines the text of each line, without code and separator
     */
    record Reply(int code, List<String> lines) {

        boolean positive() {
            return code >= 200 && code < 300;
        }

        boolean permanent() {
            return code >= 500;
        }

        /**
         * The code and the lines' texts joined by a space, e.g. {@code 550 5.1.1 no such user}; at most
         * {@link #MAX_TEXT} characters, as it goes into DSNs and the tracking log.
         */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder().append(code);
            for (String l : lines) {
                if (!l.isBlank()) {
                    b.append(' ').append(l.strip());
                }
            }
            return b.length() <= MAX_TEXT ? b.toString() : b.substring(0, MAX_TEXT - 3) + "...";
        }

        /** Whether a line after the first starts with the EHLO keyword {@code keyword} (RFC 5321 §4.1.1.1). */
        boolean hasKeyword(String keyword) {
            return keywordParam(keyword) != null;
        }

        /** The parameter text of an EHLO keyword ("" when it has none), or null when not advertised. */
        String keywordParam(String keyword) {
            for (int i = 1; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                String[] parts = l.split("[ =]", 2);
                if (parts[0].toUpperCase(Locale.ROOT).equals(keyword)) {
                    return parts.length > 1 ? parts[1].strip() : "";
                }
            }
            return null;
        }
    }

    private final InputStream in;

    SmtpReplyReader(InputStream in) {
        this.in = in;
    }

    /** The next reply; {@link java.io.EOFException}-like IOException when the connection closes. */
    Reply read() throws IOException {
        List<String> lines = new ArrayList<>();
        int code = -1;
        while (true) {
            String line = readLine();
            if (line.length() < 3 || !Character.isDigit(line.charAt(0)) || !Character.isDigit(line.charAt(1))
                    || !Character.isDigit(line.charAt(2))
                    || line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-') {
                throw new ProtocolException("malformed reply line: " + printable(line));
            }
            int c = Integer.parseInt(line.substring(0, 3));
            if (code < 0) {
                code = c;
            } else if (c != code) {
                throw new ProtocolException("reply code changed within a multi-line reply: " + printable(line));
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new Reply(code, List.copyOf(lines));
            }
            if (lines.size() >= MAX_LINES) {
                throw new ProtocolException("reply of more than " + MAX_LINES + " lines");
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new java.io.EOFException("connection closed by the server");
            }
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length;
                if (n > 0 && bytes[n - 1] == '\r') {
                    n--;
                }
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            if (b.size() >= MAX_LINE) {
                throw new ProtocolException("reply line longer than " + MAX_LINE + " octets");
            }
            b.write(c);
        }
    }

    private static String printable(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return t.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
