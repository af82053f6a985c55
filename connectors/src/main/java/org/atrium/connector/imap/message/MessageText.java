package org.atrium.connector.imap.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.atrium.connector.mime.MimePart;

/**
 * The text SEARCH looks into (RFC 3501 §6.4.4 BODY, TEXT, HEADER): header fields unfolded with RFC 2047 words
 * decoded, and the bodies of text/* parts decoded from their transfer encoding (RFC 2045 §6) and charset. Header
 * octets are UTF-8 when valid (RFC 6532), else ISO-8859-1; an unknown body charset falls back the same way. Nothing
 * here throws on message content; all ranges are clipped to the raw octets.
 */
final class MessageText {

    private MessageText() {
    }

    /** A header field as written in a header block: name and unfolded, decoded value. */
    record Field(String name, String value) {
    }

    /** The fields of the header block {@code [from, to)} of {@code raw}, in order; lines without colon are skipped. */
    static List<Field> fields(byte[] raw, long from, long to) {
        int end = (int) Math.min(Math.max(0, to), raw.length);
        int pos = (int) Math.min(Math.max(0, from), end);
        List<Field> out = new ArrayList<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        while (pos < end) {
            int eol = pos;
            while (eol < end && raw[eol] != '\n') {
                eol++;
            }
            int contentEnd = eol > pos && raw[eol - 1] == '\r' ? eol - 1 : eol;
            if (contentEnd == pos) {
                break;
            }
            String line = text(raw, pos, contentEnd - pos);
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (name != null) {
                    value.append(line);
                }
            } else {
                if (name != null) {
                    out.add(field(name, value));
                }
                int colon = line.indexOf(':');
                name = colon > 0 ? line.substring(0, colon).strip() : null;
                value.setLength(0);
                if (name != null) {
                    value.append(line, colon + 1, line.length());
                }
            }
            pos = eol + 1;
        }
        if (name != null) {
            out.add(field(name, value));
        }
        return out;
    }

    private static Field field(String name, StringBuilder value) {
        return new Field(name, DecoderUtil.decodeEncodedWords(value.toString().strip(), DecodeMonitor.SILENT));
    }

    /** The decoded text of every text/* part, nested messages included, one after the other. */
    static String bodyText(MimePart root, byte[] raw) {
        StringBuilder sb = new StringBuilder();
        appendBody(root, raw, sb, 0);
        return sb.toString();
    }

    private static void appendBody(MimePart part, byte[] raw, StringBuilder sb, int depth) {
        if (depth > 100) {
            return;
        }
        if (part.isMultipart()) {
            for (MimePart child : part.children()) {
                appendBody(child, raw, sb, depth + 1);
            }
        } else if (part.isMessage()) {
            appendBody(part.messageBody(), raw, sb, depth + 1);
        } else if (part.isText()) {
            sb.append(decode(part, raw)).append('\n');
        }
    }

    /** One leaf part's body, transfer-decoded and charset-decoded. */
    static String decode(MimePart part, byte[] raw) {
        int a = (int) Math.min(Math.max(0, part.bodyStart()), raw.length);
        int b = (int) Math.min(Math.max(a, part.bodyEnd()), raw.length);
        byte[] octets;
        try (InputStream in = switch (part.encoding()) {
            case "base64" -> new Base64InputStream(new ByteArrayInputStream(raw, a, b - a), DecodeMonitor.SILENT);
            case "quoted-printable" -> new QuotedPrintableInputStream(new ByteArrayInputStream(raw, a, b - a),
                    DecodeMonitor.SILENT);
            default -> new ByteArrayInputStream(raw, a, b - a);
        }) {
            octets = in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            octets = java.util.Arrays.copyOfRange(raw, a, b); // undecodable: search the octets as they are
        }
        Charset cs = charset(part.charset());
        if (cs == null) {
            return text(octets, 0, octets.length);
        }
        return new String(octets, cs);
    }

    private static Charset charset(String name) {
        try {
            String n = name.strip().toLowerCase(Locale.ROOT);
            return n.equals("us-ascii") || n.equals("ascii") ? null : Charset.forName(n);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Octets as text: strict UTF-8 (covers US-ASCII and RFC 6532), else ISO-8859-1, which never fails. */
    static String text(byte[] b, int off, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
    }

    /** Case-insensitive substring test (RFC 3501 §6.4.4: "case-insensitive substring"), over {@link #fold}. */
    static boolean contains(String haystack, String needle) {
        if (haystack == null) {
            return false;
        }
        return fold(haystack).contains(fold(needle));
    }

    /**
     * The i;unicode-casemap key of RFC 5051 §2: each character title-cased, then Unicode NFKD; equal keys compare
     * equal and keys order by code point. So "Ärger" sorts with "A" and "café" matches "café".
     */
    static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.toTitleCase(c)));
        return Normalizer.normalize(sb, Normalizer.Form.NFKD);
    }
}
