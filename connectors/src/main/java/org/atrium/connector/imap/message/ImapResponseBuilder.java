package org.atrium.connector.imap.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds one IMAP response as octets (RFC 3501 §4 data formats, §9 grammar): atoms, numbers, NIL, quoted strings and
 * literals, chosen per value. A string is sent quoted when it is short and holds only quotable text; otherwise as a
 * literal {@code {n}CRLF} followed by its octets, so CR, LF, NUL and 8-bit text never break the framing.
 *
 * <p>Not thread-safe; one builder per response. The caller ends the response with {@link #crlf()} before sending
 * {@link #toByteArray()}.
 */
public final class ImapResponseBuilder {

    /** Quoted strings longer than this become literals: keeps lines short for line-based clients. */
    static final int MAX_QUOTED = 1024;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    private final boolean utf8;

    /** @param utf8 whether the client enabled UTF8=ACCEPT (RFC 6855), which allows UTF-8 in quoted strings */
    public ImapResponseBuilder(boolean utf8) {
        this.utf8 = utf8;
    }

    public ImapResponseBuilder() {
        this(false);
    }

    /** Raw protocol text (atoms, keywords, punctuation) written as is, US-ASCII. */
    public ImapResponseBuilder raw(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        return this;
    }

    public ImapResponseBuilder sp() {
        out.write(' ');
        return this;
    }

    public ImapResponseBuilder open() {
        out.write('(');
        return this;
    }

    public ImapResponseBuilder close() {
        out.write(')');
        return this;
    }

    public ImapResponseBuilder number(long n) {
        return raw(Long.toString(n));
    }

    public ImapResponseBuilder nil() {
        return raw("NIL");
    }

    /** {@code nstring}: NIL for null, else {@link #string(String)}. */
    public ImapResponseBuilder nstring(String s) {
        return s == null ? nil() : string(s);
    }

    /** {@code string}: quoted when possible, else a literal of its UTF-8 octets. */
    public ImapResponseBuilder string(String s) {
        if (quotable(s)) {
            out.write('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    out.write('\\');
                }
                if (c < 0x80) {
                    out.write(c);
                } else {
                    raw(String.valueOf(c));
                }
            }
            out.write('"');
            return this;
        }
        return literal(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A literal: {@code {n}CRLF} and the octets (RFC 3501 §4.3). */
    public ImapResponseBuilder literal(byte[] octets) {
        return literal(octets, 0, octets.length);
    }

    public ImapResponseBuilder literal(byte[] octets, int off, int len) {
        raw("{" + len + "}\r\n");
        out.write(octets, off, len);
        return this;
    }

    /** Ends the response line. */
    public ImapResponseBuilder crlf() {
        out.write('\r');
        out.write('\n');
        return this;
    }

    public int size() {
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private boolean quotable(String s) {
        if (s.length() > MAX_QUOTED) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || (c >= 0x80 && !utf8) || Character.isSurrogate(c) && !utf8) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
