package org.atrium.connector.mime;

import java.util.Objects;

/**
 * What the store keeps of a message after parsing it once at delivery (ARCHITECTURE.md, "IMAP-ready metadata"):
 * size and line count of the raw message, the header fields FETCH ENVELOPE/SEARCH/SORT need, and the body structure
 * with byte offsets into the raw message. Serialised compactly with {@link #toJson()} for a database column.
 *
 * @param size raw message size in octets (RFC822.SIZE)
 * @param lineCount lines of the raw message (a last line without EOL counts)
 * @param malformed true when the message broke a MIME/RFC 5322 rule or a {@link MimeLimits} limit and the parser
 *     degraded
 * @param headers top-level message headers
 * @param body the top-level part: its header is the message header, at offset 0
 */
public record ParsedMessage(long size, long lineCount, boolean malformed, MessageHeaders headers, MimePart body) {

    public ParsedMessage {
        Objects.requireNonNull(headers);
        Objects.requireNonNull(body);
    }

    /** The data of the IMAP ENVELOPE of this message. */
    public Envelope envelope() {
        return headers.envelope();
    }

    /** Compact JSON (short keys, nulls and defaults omitted); {@link #fromJson(String)} restores an equal value. */
    public String toJson() {
        return ParsedMessageJson.write(this);
    }

    /**
     * @throws IllegalArgumentException if the text is not JSON written by {@link #toJson()}
     */
    public static ParsedMessage fromJson(String json) {
        return ParsedMessageJson.read(json);
    }
}
