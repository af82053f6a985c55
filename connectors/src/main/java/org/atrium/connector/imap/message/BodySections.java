package org.atrium.connector.imap.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.atrium.connector.imap.FetchAttribute;
import org.atrium.connector.mime.MimePart;
import org.atrium.connector.mime.ParsedMessage;

/**
 * Extracts the octets of {@code BODY[section]} (RFC 3501 §6.4.5): the whole message, HEADER, HEADER.FIELDS(.NOT),
 * TEXT, MIME and numbered parts, through nested message/rfc822 parts, using the offsets stored at delivery.
 *
 * <p>Part numbering (RFC 3501 §6.4.5): the parts of a multipart are numbered from 1; a message that is not multipart
 * has only part 1, its body; a part of type message/rfc822 has the parts of the message it encapsulates, so
 * {@code 2.1} is part 1 of the message in part 2 and {@code 2.HEADER} its header. HEADER, HEADER.FIELDS(.NOT) and
 * TEXT after a part number apply only to a message/rfc822 part. A part that does not exist yields an empty section.
 * Every range is clipped to the raw octets, so stale metadata can never make this throw.
 */
public final class BodySections {

    private static final byte[] EMPTY = new byte[0];
    private static final byte[] CRLF = {'\r', '\n'};

    private BodySections() {
    }

    /**
     * The section's octets before any partial range (for the whole message, {@code raw} itself); empty when the
     * part does not exist (RFC 3501 §6.4.5 says a missing part is returned as an empty string).
     */
    public static byte[] extract(ParsedMessage message, byte[] raw, FetchAttribute.Section section) {
        MimePart root = message.body();
        List<Integer> path = section.part();
        if (path.isEmpty()) {
            return switch (section.text()) {
                case ALL -> raw;
                case HEADER -> slice(raw, root.headerStart(), root.bodyStart());
                case HEADER_FIELDS -> fields(raw, root, section.fields(), true);
                case HEADER_FIELDS_NOT -> fields(raw, root, section.fields(), false);
                case TEXT -> slice(raw, root.bodyStart(), raw.length);
                case MIME -> EMPTY; // excluded by Section's invariant
            };
        }
        MimePart part = resolve(root, path);
        if (part == null) {
            return EMPTY;
        }
        MimePart inner = part.isMessage() ? part.messageBody() : null;
        return switch (section.text()) {
            case ALL -> slice(raw, part.bodyStart(), part.bodyEnd());
            case MIME -> slice(raw, part.headerStart(), part.bodyStart());
            case HEADER -> inner == null ? EMPTY : slice(raw, inner.headerStart(), inner.bodyStart());
            case HEADER_FIELDS -> inner == null ? EMPTY : fields(raw, inner, section.fields(), true);
            case HEADER_FIELDS_NOT -> inner == null ? EMPTY : fields(raw, inner, section.fields(), false);
            case TEXT -> inner == null ? EMPTY : slice(raw, inner.bodyStart(), inner.bodyEnd());
        };
    }

    /**
     * The part a non-empty part path names, or null. {@code root} is the top-level entity (whose header is the
     * message header).
     */
    public static MimePart resolve(MimePart root, List<Integer> path) {
        MimePart cur = root;
        boolean messageRoot = true;
        for (int i = 0; i < path.size(); i++) {
            int n = path.get(i);
            MimePart next;
            if (cur.isMultipart() && !cur.children().isEmpty()) {
                next = n >= 1 && n <= cur.children().size() ? cur.children().get(n - 1) : null;
            } else if (messageRoot && n == 1) {
                next = cur; // a non-multipart message has one part, its body
            } else {
                next = null;
            }
            if (next == null) {
                return null;
            }
            cur = next;
            messageRoot = false;
            if (i < path.size() - 1 && cur.isMessage()) {
                cur = cur.messageBody();
                messageRoot = true;
            }
        }
        return cur;
    }

    /** Applies {@code <offset.length>} (RFC 3501 §6.4.5 partial); null offset means the whole section. */
    public static byte[] partial(byte[] section, Long offset, Long length) {
        if (offset == null) {
            return section;
        }
        long from = Math.max(0, offset);
        if (from >= section.length) {
            return EMPTY;
        }
        long room = section.length - from;
        long n = length == null ? room : Math.min(room, Math.max(0, length));
        return Arrays.copyOfRange(section, (int) from, (int) (from + n));
    }

    /** Whether the section can be served from metadata alone, without the raw message (never, today). */
    public static boolean needsContent(FetchAttribute.Section section) {
        return true;
    }

    private static byte[] slice(byte[] raw, long from, long to) {
        int a = (int) Math.min(Math.max(0, from), raw.length);
        int b = (int) Math.min(Math.max(a, to), raw.length);
        return a == b ? EMPTY : Arrays.copyOfRange(raw, a, b);
    }

    /**
     * HEADER.FIELDS / HEADER.FIELDS.NOT: the matching fields exactly as written (continuation lines included) in
     * message order, then the blank line (RFC 3501 §6.4.5). Names compare case-insensitively; a line that is no
     * field (no colon) is dropped from both forms.
     */
    private static byte[] fields(byte[] raw, MimePart entity, List<String> names, boolean include) {
        Set<String> wanted = new HashSet<>();
        for (String n : names) {
            wanted.add(n.toLowerCase(Locale.ROOT));
        }
        int end = (int) Math.min(Math.max(0, entity.bodyStart()), raw.length);
        int pos = (int) Math.min(Math.max(0, entity.headerStart()), end);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean keep = false;
        while (pos < end) {
            int eol = pos;
            while (eol < end && raw[eol] != '\n') {
                eol++;
            }
            int next = Math.min(end, eol + 1);
            int contentEnd = eol > pos && raw[eol - 1] == '\r' ? eol - 1 : eol;
            if (contentEnd == pos) {
                break; // the blank line ending the header
            }
            byte c0 = raw[pos];
            if (c0 != ' ' && c0 != '\t') {
                String name = fieldName(raw, pos, contentEnd);
                keep = name != null && wanted.contains(name) == include;
            }
            if (keep) {
                out.write(raw, pos, next - pos);
                if (eol >= end) {
                    out.write(CRLF, 0, 2); // the header ran to the end of the message without EOL
                }
            }
            pos = next;
        }
        out.write(CRLF, 0, 2);
        return out.toByteArray();
    }

    private static String fieldName(byte[] raw, int from, int to) {
        int colon = from;
        while (colon < to && raw[colon] != ':') {
            colon++;
        }
        if (colon == to) {
            return null;
        }
        String name = new String(raw, from, colon - from, StandardCharsets.ISO_8859_1).strip();
        return name.isEmpty() ? null : name.toLowerCase(Locale.ROOT);
    }
}
