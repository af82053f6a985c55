package org.atrium.connector.imap.message;

import org.atrium.connector.imap.FetchAttribute;
import org.atrium.connector.mime.ParsedMessage;

/**
 * Extracts the octets of {@code BODY[section]} (RFC 3501 §6.4.5): the whole message, HEADER, HEADER.FIELDS(.NOT),
 * TEXT, MIME and numbered parts, through nested message/rfc822 parts, using the offsets stored at delivery.
 */
public final class BodySections {

    private BodySections() {
    }

    /**
     * The section's octets before any partial range; empty when the part does not exist (RFC 3501 §6.4.5 says a
     * missing part is returned as an empty string).
     */
    public static byte[] extract(ParsedMessage message, byte[] raw, FetchAttribute.Section section) {
        throw new UnsupportedOperationException("wip/imap-message");
    }

    /** Applies {@code <offset.length>} (RFC 3501 §6.4.5 partial); null offset means the whole section. */
    public static byte[] partial(byte[] section, Long offset, Long length) {
        throw new UnsupportedOperationException("wip/imap-message");
    }

    /** Whether the section can be served from metadata alone, without the raw message (never, today). */
    public static boolean needsContent(FetchAttribute.Section section) {
        return true;
    }
}
