package org.atrium.connector.imap;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One complete IMAP command as RFC 3501 §2.2 and §9 ({@code command = tag SP (...) CRLF}) frame it: its tag, its
 * name, and its arguments as the text segments of its lines with the literals that separate them.
 *
 * <p>Invariants: {@code segments.size() == literals.size() + 1}; segment {@code i} is the text that preceded literal
 * {@code i} with its {@code {n}} marker removed, and the last segment is the text after the last literal up to CRLF.
 * The first segment starts right after the command name (so it is empty or starts with SP). No segment contains CR or
 * LF framing; literal bytes are kept exactly as sent.
 *
 * @param tag the client's tag, never {@code "*"} or containing {@code +}
 * @param name the command name, upper case (for {@code UID FETCH}, {@code UID})
 * @param segments argument text, split where literals occur
 * @param literals the literals, in order
 */
public record ImapCommandLine(String tag, String name, List<byte[]> segments, List<Literal> literals) {

    public ImapCommandLine {
        segments = List.copyOf(segments);
        literals = List.copyOf(literals);
        if (segments.size() != literals.size() + 1) {
            throw new IllegalArgumentException("segments must surround literals");
        }
    }

    /**
     * One literal's octets (RFC 3501 §4.3, RFC 7888 {@code {n+}}, RFC 3516 {@code ~{n}} literal8).
     *
     * @param data the octets, exactly as sent
     * @param binary whether it was sent as literal8, which may contain NUL
     */
    public record Literal(byte[] data, boolean binary) {
        @Override
        public String toString() {
            return (binary ? "~{" : "{") + data.length + "}";
        }
    }

    /** A command without literals, for tests and for callers that build commands directly. */
    public static ImapCommandLine of(String tag, String name, String arguments) {
        return new ImapCommandLine(tag, name, List.of(arguments.getBytes(StandardCharsets.UTF_8)), List.of());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(tag).append(' ').append(name);
        for (int i = 0; i < segments.size(); i++) {
            sb.append(new String(segments.get(i), StandardCharsets.UTF_8));
            if (i < literals.size()) {
                sb.append(literals.get(i));
            }
        }
        return sb.toString();
    }
}
