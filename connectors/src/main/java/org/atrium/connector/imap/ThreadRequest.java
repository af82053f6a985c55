package org.atrium.connector.imap;

import org.atrium.connector.imap.message.MessageThreader;

/**
 * THREAD or UID THREAD (RFC 5256 §4).
 *
 * @param charset the charset of the search keys, upper case; whether it is supported is the processor's answer
 *     ({@code NO [BADCHARSET]})
 * @param key the search keys, as one {@link SearchKey.And} when several were given
 */
public record ThreadRequest(String tag, boolean uid, MessageThreader.Algorithm algorithm, String charset,
        SearchKey key) implements ImapRequest {
}
