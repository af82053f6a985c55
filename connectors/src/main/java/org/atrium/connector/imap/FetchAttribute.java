package org.atrium.connector.imap;

import java.util.List;

/**
 * One FETCH data item (RFC 3501 §6.4.5, §9 {@code fetch-att}; MODSEQ RFC 7162 §3.1.4; BINARY RFC 3516 §4.2).
 */
public sealed interface FetchAttribute {

    /** The items without section; {@code RFC822_HEADER} is {@code RFC822.HEADER} and so on. */
    enum Simple implements FetchAttribute {
        FLAGS, INTERNALDATE, RFC822, RFC822_HEADER, RFC822_SIZE, RFC822_TEXT, ENVELOPE, BODY, BODYSTRUCTURE, UID,
        MODSEQ
    }

    /**
     * {@code BODY[section]<partial>} or {@code BODY.PEEK[...]}.
     *
     * @param offset the first octet of a partial fetch, or null
     * @param length the octet count of a partial fetch (non-zero), or null
     */
    record Body(boolean peek, Section section, Long offset, Long length) implements FetchAttribute {
    }

    /** {@code BINARY[part]<partial>} or {@code BINARY.PEEK[...]} (RFC 3516 §4.2). */
    record Binary(boolean peek, List<Integer> part, Long offset, Long length) implements FetchAttribute {
        public Binary {
            part = List.copyOf(part);
        }
    }

    /** {@code BINARY.SIZE[part]} (RFC 3516 §4.2). */
    record BinarySize(List<Integer> part) implements FetchAttribute {
        public BinarySize {
            part = List.copyOf(part);
        }
    }

    /**
     * A body section (RFC 3501 §6.4.5 {@code section-spec}).
     *
     * <p>Invariants: {@code MIME} only with a part; {@code fields} non-empty exactly for the HEADER.FIELDS kinds.
     *
     * @param part the part path {@code 1.2.3}, empty for the whole message
     * @param text what of the part: all of it, its header, some header fields, its text, or its MIME header
     * @param fields the header field names of HEADER.FIELDS(.NOT), as sent
     */
    record Section(List<Integer> part, Text text, List<String> fields) {

        public enum Text { ALL, HEADER, HEADER_FIELDS, HEADER_FIELDS_NOT, TEXT, MIME }

        public static final Section WHOLE = new Section(List.of(), Text.ALL, List.of());

        public Section {
            part = List.copyOf(part);
            fields = List.copyOf(fields);
            if (text == Text.MIME && part.isEmpty()) {
                throw new IllegalArgumentException("MIME needs a part");
            }
            if ((text == Text.HEADER_FIELDS || text == Text.HEADER_FIELDS_NOT) == fields.isEmpty()) {
                throw new IllegalArgumentException("fields go with HEADER.FIELDS");
            }
        }
    }
}
