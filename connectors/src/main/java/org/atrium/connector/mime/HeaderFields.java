package org.atrium.connector.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteArrayBuffer;

/**
 * Field-level parsing on top of mime4j's lenient parsers. mime4j's byte-oriented parsers read one octet as one char,
 * so values go in as UTF-8 octets and every string that comes out is turned back from octets into UTF-8; header text
 * itself was decoded before as UTF-8 with an ISO-8859-1 fallback (RFC 6532 headers and legacy 8-bit spam alike).
 * Nothing here throws on message content: what cannot be parsed is kept as text.
 */
final class HeaderFields {
    /** Keeps mime4j from decoding encoded-words in display names, so the raw form survives for ENVELOPE. */
    private static final String EW_ESCAPE = "\uE000?";
    private static final Pattern MSG_ID = Pattern.compile("<[^<>]*>");

    private HeaderFields() {
    }

    /** Header octets as text: strict UTF-8 (covers ASCII and RFC 6532), else ISO-8859-1, which never fails. */
    static String decode(byte[] b, int off, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
    }

    /** A structured value and its parameters as written, in order (names lower-cased). */
    record ValueWithParams(String value, List<MimeParam> params) {
    }

    /** Splits {@code value; a=b; c="d"} with mime4j's RawFieldParser, keeping parameters in order. */
    static ValueWithParams valueWithParams(String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        RawBody raw = RawFieldParser.DEFAULT.parseRawBody(new ByteArrayBuffer(b, true), new ParserCursor(0, b.length));
        List<MimeParam> params = new ArrayList<>(raw.getParams().size());
        for (NameValuePair p : raw.getParams()) {
            if (p.getName() != null && !p.getName().isEmpty()) {
                params.add(new MimeParam(utf8(p.getName()).toLowerCase(Locale.ROOT),
                        p.getValue() == null ? "" : utf8(p.getValue())));
            }
        }
        return new ValueWithParams(raw.getValue() == null ? "" : utf8(raw.getValue()).trim(), params);
    }

    static AddressHeader addresses(String raw) {
        if (raw == null) {
            return null;
        }
        List<MimeAddress> out = new ArrayList<>();
        if (raw.isBlank()) {
            return new AddressHeader(raw, out);
        }
        boolean escape = raw.contains("=?") && !raw.contains("\uE000");
        String text = escape ? raw.replace("=?", EW_ESCAPE) : raw;
        try {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            AddressList list = LenientAddressParser.DEFAULT.parseAddressList(new ByteArrayBuffer(b, true),
                    new ParserCursor(0, b.length));
            for (Address a : list) {
                if (a instanceof Group g) {
                    out.add(MimeAddress.groupStart(unescape(g.getName(), escape)));
                    for (Mailbox m : g.getMailboxes()) {
                        out.add(mailbox(m, escape));
                    }
                    out.add(MimeAddress.groupEnd());
                } else if (a instanceof Mailbox m) {
                    out.add(mailbox(m, escape));
                }
            }
        } catch (RuntimeException e) {
            out.clear();
            out.add(MimeAddress.invalid(raw));
        }
        if (out.isEmpty()) {
            out.add(MimeAddress.invalid(raw));
        }
        return new AddressHeader(raw, out);
    }

    private static MimeAddress mailbox(Mailbox m, boolean escape) {
        String local = m.getLocalPart() == null ? null : utf8(m.getLocalPart());
        String domain = m.getDomain() == null || m.getDomain().isEmpty() ? null : utf8(m.getDomain());
        String name = unescape(m.getName(), escape);
        if (local == null || local.isBlank()) {
            return MimeAddress.invalid(name != null ? name : "");
        }
        return MimeAddress.mailbox(name, unescape(local, escape), domain);
    }

    private static String unescape(String s, boolean escape) {
        if (s == null) {
            return null;
        }
        String u = utf8(s);
        return escape ? u.replace(EW_ESCAPE, "=?") : u;
    }

    /** Date with mime4j's lenient RFC 5322 parser; null when absent or invalid. */
    static Instant date(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            DateTimeField f = DateTimeFieldLenientImpl.PARSER.parse(new RawField("Date", raw), DecodeMonitor.SILENT);
            Date d = f.getDate();
            return d == null ? null : d.toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Message ids in References (RFC 5322 §3.6.4), angle brackets kept; whitespace-split when none are bracketed. */
    static List<String> messageIds(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        Matcher m = MSG_ID.matcher(raw);
        while (m.find()) {
            out.add(m.group());
        }
        if (out.isEmpty()) {
            for (String s : raw.trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** Content-Language (RFC 3282): comma-separated tags, comments dropped. */
    static List<String> languages(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        for (String s : raw.replaceAll("\\([^)]*\\)", "").split(",")) {
            String t = s.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Parameter parsing hands back one char per octet; the address parser of mime4j 0.8.12 already decodes UTF-8.
     * Re-decode only what is an octet string holding valid UTF-8, so both stay right.
     */
    private static String utf8(String octets) {
        if (octets == null) {
            return null;
        }
        boolean high = false;
        for (int i = 0; i < octets.length(); i++) {
            char c = octets.charAt(i);
            if (c > 0xFF) {
                return octets;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return octets;
        }
        byte[] b = octets.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return octets;
        }
    }
}
