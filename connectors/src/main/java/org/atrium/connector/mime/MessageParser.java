package org.atrium.connector.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Parses a raw RFC 5322 message once, streaming, into the metadata the store keeps so that IMAP FETCH, SEARCH and
 * SORT never re-read the message (see {@link ParsedMessage}).
 *
 * <p>Why not mime4j's {@code MimeTokenStream}: its events carry neither byte offsets nor the exact delimiter lines
 * (transport padding, CRLF vs LF), so the byte ranges that let {@code BODY[1.2.MIME]} be served from the blob could
 * not be recovered exactly. The structure is therefore scanned here, line by line with exact offsets, following
 * RFC 2046 §5.1.1 (the CRLF before a delimiter belongs to the delimiter); mime4j still parses the fields (parameters,
 * addresses, dates, encoded-words). Body octets are counted, never kept; a line is kept only up to a small cap.
 *
 * <p>Robustness: malformed input never throws and sets {@link ParsedMessage#malformed()}: a header line without a
 * colon is skipped (at the very start of a header block, the block is taken as absent); a multipart without a usable
 * boundary or without any part, or a composite beyond {@link MimeLimits}, becomes an opaque text/plain part; an
 * unterminated multipart ends at the enclosing boundary or end of stream. Only IOException of the stream propagates.
 *
 * <p>Thread-safe and reusable: all parse state lives in a per-call object.
 */
public final class MessageParser {
    /** Bytes of a body line kept for boundary matching; boundaries longer than {@link #MAX_BOUNDARY} are refused. */
    private static final int BODY_LINE_CAP = 512;
    private static final int MAX_BOUNDARY = 200;

    private static final Set<String> CONTENT_FIELDS = Set.of("content-type", "content-transfer-encoding",
            "content-id", "content-description", "content-md5", "content-disposition", "content-language",
            "content-location");
    private static final Set<String> MESSAGE_FIELDS = Set.of("date", "subject", "from", "sender", "reply-to", "to",
            "cc", "bcc", "in-reply-to", "message-id", "references");

    private final MimeLimits limits;

    public MessageParser() {
        this(MimeLimits.DEFAULT);
    }

    public MessageParser(MimeLimits limits) {
        this.limits = Objects.requireNonNull(limits);
    }

    /**
     * Reads {@code raw} to its end (the caller closes it).
     *
     * @throws IOException only when reading the stream fails
     */
    public ParsedMessage parse(InputStream raw) throws IOException {
        Parse p = new Parse(new LineReader(Objects.requireNonNull(raw)));
        Entity root = p.entity(0, List.of(), true, false);
        LineReader r = p.r;
        while (r.readLine(1)) {
            // the root ends at end of stream; nothing should be left, but drain defensively
        }
        long lines = r.lfCount() + (r.eolLength == 0 && r.lineLength > 0 ? 1 : 0);
        return new ParsedMessage(r.offset(), lines, p.malformed, root.headers, root.part);
    }

    private record Entity(MimePart part, MessageHeaders headers, End end) {
    }

    /** Where a body stops: offset, LF count before it, and whether the octet before it is LF. */
    private record End(long offset, long lf, boolean lastByteLf) {
    }

    private record ContentType(String type, String subtype, List<MimeParam> params) {
    }

    private final class Parse {
        final LineReader r;
        boolean malformed;
        int parts;
        final ByteArrayOutputStream field = new ByteArrayOutputStream();

        Parse(LineReader r) {
            this.r = r;
        }

        Entity entity(int depth, List<byte[]> boundaries, boolean messageRoot, boolean digestChild)
                throws IOException {
            parts++;
            long headerStart = r.offset();
            Map<String, String> f = readHeader(boundaries, messageRoot);
            long bodyStart = r.offset();
            long lfStart = r.lfCount();

            ContentType ct = contentType(f.get("content-type"), digestChild);
            String encoding = encoding(f.get("content-transfer-encoding"));
            boolean identity = encoding.equals("7bit") || encoding.equals("8bit") || encoding.equals("binary");
            boolean multipart = ct.type.equals("multipart");
            boolean message = ct.type.equals("message")
                    && (ct.subtype.equals("rfc822") || ct.subtype.equals("global"));
            boolean room = depth < limits.maxDepth() && parts < limits.maxParts();

            List<MimePart> children = List.of();
            MessageHeaders nestedHeaders = null;
            MimePart nestedBody = null;
            End end;
            if (multipart && room && boundaryOf(ct) != null) {
                children = new ArrayList<>();
                end = multipart(depth, boundaries, boundaryOf(ct), ct.subtype.equals("digest"), children);
                if (children.isEmpty()) {
                    ct = plainText();
                    malformed = true;
                }
            } else if (message && identity && room) {
                Entity nested = entity(depth + 1, boundaries, true, false);
                nestedHeaders = nested.headers;
                nestedBody = nested.part;
                end = nested.end;
            } else {
                if (multipart || message) {
                    ct = plainText(); // beyond limits, no boundary or encoded: keep as opaque text
                    malformed = true;
                }
                end = skipToEnd(boundaries);
            }
            long bodyEnd = Math.max(bodyStart, end.offset);
            long lines = bodyEnd == bodyStart ? 0 : end.lf - lfStart + (end.lastByteLf ? 0 : 1);

            String disposition = null;
            List<MimeParam> dispositionParams = List.of();
            String cd = f.get("content-disposition");
            if (cd != null) {
                HeaderFields.ValueWithParams v = HeaderFields.valueWithParams(cd);
                disposition = v.value().isEmpty() ? null : v.value().toLowerCase(Locale.ROOT);
                dispositionParams = v.params();
            }
            String location = f.get("content-location");
            MimePart part = new MimePart(ct.type, ct.subtype, ct.params, f.get("content-id"),
                    f.get("content-description"), encoding, bodyEnd - bodyStart, Math.max(0, lines),
                    f.get("content-md5"), disposition, dispositionParams,
                    HeaderFields.languages(f.get("content-language")),
                    location == null ? null : location.replaceAll("\\s+", ""), children, nestedHeaders, nestedBody,
                    headerStart, bodyStart, bodyEnd);
            return new Entity(part, messageRoot ? messageHeaders(f) : null, end);
        }

        private End multipart(int depth, List<byte[]> outer, byte[] boundary, boolean digest,
                List<MimePart> children) throws IOException {
            List<byte[]> inner = new ArrayList<>(outer);
            inner.add(boundary);
            int own = inner.size() - 1;
            // preamble, up to the first delimiter
            while (true) {
                if (!r.readLine(BODY_LINE_CAP)) {
                    malformed = true;
                    return eofEnd();
                }
                int m = match(inner);
                if (m < 0) {
                    continue;
                }
                if (m >> 1 == own && (m & 1) == 0) {
                    break;
                }
                malformed = true;
                if (m >> 1 == own) {
                    return skipToEnd(outer); // close delimiter before any part
                }
                r.pushBack();
                return boundaryEnd();
            }
            while (true) {
                if (parts >= limits.maxParts()) {
                    malformed = true;
                    return skipOpaque(inner, own, outer);
                }
                children.add(entity(depth + 1, inner, false, digest).part);
                if (!r.readLine(BODY_LINE_CAP)) {
                    malformed = true; // no close delimiter
                    return eofEnd();
                }
                int m = match(inner);
                if (m >> 1 == own) {
                    if ((m & 1) == 1) {
                        return skipToEnd(outer); // epilogue
                    }
                    continue;
                }
                malformed = true; // an enclosing boundary closes this multipart early
                r.pushBack();
                return boundaryEnd();
            }
        }

        /** Past the part limit: the rest of this multipart is body octets, up to its close delimiter. */
        private End skipOpaque(List<byte[]> inner, int own, List<byte[]> outer) throws IOException {
            while (r.readLine(BODY_LINE_CAP)) {
                int m = match(inner);
                if (m < 0 || (m >> 1 == own && (m & 1) == 0)) {
                    continue;
                }
                if (m >> 1 == own) {
                    return skipToEnd(outer);
                }
                r.pushBack();
                return boundaryEnd();
            }
            return eofEnd();
        }

        private End skipToEnd(List<byte[]> boundaries) throws IOException {
            while (r.readLine(BODY_LINE_CAP)) {
                if (!boundaries.isEmpty() && match(boundaries) >= 0) {
                    r.pushBack();
                    return boundaryEnd();
                }
            }
            return eofEnd();
        }

        /** The body ends before the EOL preceding the (pushed back) boundary line: it belongs to the delimiter. */
        private End boundaryEnd() {
            int prevEol = r.prevEolLength;
            return new End(r.lineStart - prevEol, r.lfBeforeLine() - (prevEol > 0 ? 1 : 0),
                    prevEol > 0 && r.prevLineContentLength == 0);
        }

        private End eofEnd() {
            return new End(r.offset(), r.lfCount(), r.eolLength > 0);
        }

        /**
         * Matches the current line against the boundaries, innermost first (an outer boundary may be a prefix of an
         * inner one). Returns -1, or index * 2 + 1 for a close delimiter, index * 2 for a delimiter.
         */
        private int match(List<byte[]> boundaries) {
            byte[] line = r.prefix;
            int len = (int) Math.min(r.prefixLen, r.contentLength());
            if (len < 3 || line[0] != '-' || line[1] != '-') {
                return -1;
            }
            outer:
            for (int i = boundaries.size() - 1; i >= 0; i--) {
                byte[] b = boundaries.get(i);
                if (len < b.length + 2) {
                    continue;
                }
                for (int k = 0; k < b.length; k++) {
                    if (line[k + 2] != b[k]) {
                        continue outer;
                    }
                }
                int p = b.length + 2;
                boolean close = p + 1 < len && line[p] == '-' && line[p + 1] == '-';
                if (close) {
                    p += 2;
                }
                for (; p < len; p++) { // only transport padding may follow
                    if (line[p] != ' ' && line[p] != '\t') {
                        continue outer;
                    }
                }
                return i * 2 + (close ? 1 : 0);
            }
            return -1;
        }

        /**
         * Reads one header block. Keeps the first occurrence of the fields this parser needs, bounded in length and
         * count. Leaves the reader at the body start: after the blank line, or at a boundary line / first non-field
         * line (both pushed back).
         */
        private Map<String, String> readHeader(List<byte[]> boundaries, boolean messageRoot) throws IOException {
            Map<String, String> fields = new HashMap<>();
            int cap = limits.maxHeaderFieldLength();
            String current = null;
            boolean first = true;
            int count = 0;
            while (r.readLine(cap)) {
                if (!boundaries.isEmpty() && match(boundaries) >= 0) {
                    r.pushBack();
                    malformed = true; // part header not ended by a blank line
                    break;
                }
                if (r.contentLength() == 0) {
                    break;
                }
                byte c0 = r.prefix[0];
                if (c0 == ' ' || c0 == '\t') {
                    if (current != null) {
                        append(0, cap);
                    } else if (first) {
                        malformed = true;
                    }
                    first = false;
                    continue;
                }
                finish(fields, current);
                current = null;
                int colon = fieldNameEnd();
                if (colon < 0) {
                    malformed = true;
                    if (first) {
                        r.pushBack(); // no header at all: the message is all body
                        break;
                    }
                    continue;
                }
                first = false;
                if (++count > limits.maxHeaderFields()) {
                    malformed = true;
                    continue;
                }
                String name = new String(r.prefix, 0, colon, StandardCharsets.US_ASCII).trim()
                        .toLowerCase(Locale.ROOT);
                if ((CONTENT_FIELDS.contains(name) || messageRoot && MESSAGE_FIELDS.contains(name))
                        && !fields.containsKey(name)) {
                    current = name;
                    field.reset();
                    append(colon + 1, cap);
                }
            }
            finish(fields, current);
            return fields;
        }

        /** Index of the colon ending a field name (printable US-ASCII, optional WSP before the colon), or -1. */
        private int fieldNameEnd() {
            int n = r.prefixLen;
            byte[] b = r.prefix;
            int i = 0;
            while (i < n && b[i] > 32 && b[i] < 127 && b[i] != ':') {
                i++;
            }
            if (i == 0) {
                return -1;
            }
            while (i < n && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            return i < n && b[i] == ':' ? i : -1;
        }

        private void append(int from, int cap) {
            int n = r.prefixLen - from;
            int room = cap - field.size();
            if (n > room || r.lineLength > r.prefixLen) {
                malformed = true; // field longer than the limit: truncated
            }
            if (room > 0 && n > 0) {
                field.write(r.prefix, from, Math.min(n, room));
            }
        }

        private void finish(Map<String, String> fields, String name) {
            if (name == null) {
                return;
            }
            byte[] b = field.toByteArray();
            String v = HeaderFields.decode(b, 0, b.length);
            fields.put(name, v.replace("\r", "").replace("\n", "").strip());
        }

        private ContentType contentType(String raw, boolean digestChild) {
            if (raw != null) {
                HeaderFields.ValueWithParams v = HeaderFields.valueWithParams(raw);
                String value = v.value();
                int slash = value.indexOf('/');
                if (slash > 0 && slash < value.length() - 1) {
                    String type = value.substring(0, slash).trim().toLowerCase(Locale.ROOT);
                    String subtype = value.substring(slash + 1).trim().toLowerCase(Locale.ROOT);
                    if (isToken(type) && isToken(subtype)) {
                        return new ContentType(type, subtype, v.params());
                    }
                }
                malformed = true;
            }
            return digestChild ? new ContentType("message", "rfc822", List.of()) : plainText();
        }

        private byte[] boundaryOf(ContentType ct) {
            String b = Rfc2231.find(ct.params, "boundary");
            if (b == null || b.isEmpty() || b.length() > MAX_BOUNDARY) {
                return null;
            }
            return b.getBytes(StandardCharsets.UTF_8);
        }

        private MessageHeaders messageHeaders(Map<String, String> f) {
            return new MessageHeaders(f.get("date"), HeaderFields.date(f.get("date")), f.get("subject"),
                    HeaderFields.addresses(f.get("from")), HeaderFields.addresses(f.get("sender")),
                    HeaderFields.addresses(f.get("reply-to")), HeaderFields.addresses(f.get("to")),
                    HeaderFields.addresses(f.get("cc")), HeaderFields.addresses(f.get("bcc")),
                    f.get("in-reply-to"), f.get("message-id"), HeaderFields.messageIds(f.get("references")));
        }
    }

    private static ContentType plainText() {
        return new ContentType("text", "plain", List.of(new MimeParam("charset", "us-ascii")));
    }

    private static String encoding(String raw) {
        if (raw == null) {
            return "7bit";
        }
        String v = HeaderFields.valueWithParams(raw).value().toLowerCase(Locale.ROOT);
        return v.isEmpty() ? "7bit" : v;
    }

    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 32 || c >= 127 || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
