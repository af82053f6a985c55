package org.atrium.store.application.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The header section of a message (RFC 5322 §2.2), read up to and including the empty line that ends it, so that
 * the body can go on streaming from the same {@link InputStream}: DKIM (RFC 6376) hashes the body as a stream and
 * only the header section is ever held in memory, bounded by {@code limit}.
 *
 * @param raw the octets read, the empty line included when {@code complete}
 * @param complete whether the empty line was found within the limit; when not, {@code raw} is only a prefix and the
 *        rest of the message still has to be read from the stream as it is
 */
public record HeaderSection(byte[] raw, boolean complete) {

    /** Reads from {@code in} (buffer it: this reads octet by octet) until the empty line, EOF or {@code limit}. */
    public static HeaderSection read(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        int prev1 = -1;
        int prev2 = -1;
        boolean atLineStart = true;
        while (out.size() < limit) {
            int c = in.read();
            if (c < 0) {
                return new HeaderSection(out.toByteArray(), true);
            }
            out.write(c);
            // The empty line: CR LF CR LF, or a bare LF LF from a sloppy client; also a message that starts with it.
            if (c == '\n' && (prev1 == '\n' || (prev1 == '\r' && prev2 == '\n') || (atLineStart && out.size() <= 2))) {
                return new HeaderSection(out.toByteArray(), true);
            }
            if (c != '\r' && c != '\n') {
                atLineStart = false;
            }
            prev2 = prev1;
            prev1 = c;
        }
        return new HeaderSection(out.toByteArray(), false);
    }

    /**
     * The fields, each as it stands in the message, folding kept, without its final CR LF (the form jdkim's
     * {@code Headers} uses); the empty line is not a field.
     */
    public List<String> fields() {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        List<String> fields = new ArrayList<>();
        StringBuilder current = null;
        for (String line : lines(text)) {
            String bare = stripEol(line);
            if (bare.isEmpty()) {
                break;
            }
            if ((bare.charAt(0) == ' ' || bare.charAt(0) == '\t') && current != null) {
                current.append("\r\n").append(bare);
            } else {
                if (current != null) {
                    fields.add(current.toString());
                }
                current = new StringBuilder(bare);
            }
        }
        if (current != null) {
            fields.add(current.toString());
        }
        return Collections.unmodifiableList(fields);
    }

    /** The field's name as written, or the whole text when it has no colon. */
    public static String name(String field) {
        int colon = field.indexOf(':');
        return (colon < 0 ? field : field.substring(0, colon)).trim();
    }

    /** The field's value, unfolded, without the leading white space. */
    public static String value(String field) {
        int colon = field.indexOf(':');
        return colon < 0 ? "" : field.substring(colon + 1).replace("\r\n", "").strip();
    }

    /** Whether a field named {@code name} (case-insensitive) is present. */
    public boolean has(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return fields().stream().anyMatch(f -> name(f).toLowerCase(Locale.ROOT).equals(lower));
    }

    /**
     * The header section without the fields {@code drop} matches, octets otherwise unchanged (line ends, folding
     * and the empty line as they were). An incomplete section is returned as it is.
     */
    public byte[] without(Predicate<String> drop) {
        if (!complete) {
            return raw;
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder field = new StringBuilder();
        StringBuilder unfolded = new StringBuilder();
        boolean inBody = false;
        for (String line : lines(text)) {
            String bare = stripEol(line);
            if (inBody) {
                out.append(line);
            } else if (bare.isEmpty()) {
                flush(out, field, unfolded, drop);
                out.append(line);
                inBody = true;
            } else if ((bare.charAt(0) == ' ' || bare.charAt(0) == '\t') && field.length() > 0) {
                field.append(line);
                unfolded.append("\r\n").append(bare);
            } else {
                flush(out, field, unfolded, drop);
                field.append(line);
                unfolded.append(bare);
            }
        }
        flush(out, field, unfolded, drop);
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void flush(StringBuilder out, StringBuilder field, StringBuilder unfolded,
            Predicate<String> drop) {
        if (field.length() > 0 && !drop.test(unfolded.toString())) {
            out.append(field);
        }
        field.setLength(0);
        unfolded.setLength(0);
    }

    /** Lines with their line ends. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static String stripEol(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
    }
}
