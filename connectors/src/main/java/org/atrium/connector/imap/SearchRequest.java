package org.atrium.connector.imap;

import java.util.Set;

/**
 * SEARCH or UID SEARCH (RFC 3501 §6.4.4) with ESEARCH return options (RFC 4731 §3.1) and SAVE (RFC 5182 §2.1).
 *
 * @param returnOptions null for a plain SEARCH (untagged SEARCH response); empty or not, an ESEARCH response, where
 *     empty means ALL (RFC 4731 §3.1)
 * @param charset the CHARSET argument upper case, or null; whether it is supported (US-ASCII, UTF-8) is the
 *     processor's answer ({@code NO [BADCHARSET]}, RFC 3501 §6.4.4)
 * @param criteria the keys, as one {@link SearchKey.And} when several were given
 */
public record SearchRequest(String tag, boolean uid, Set<ReturnOption> returnOptions, String charset,
        SearchKey criteria) implements ImapRequest {

    public enum ReturnOption { MIN, MAX, ALL, COUNT, SAVE }

    public SearchRequest {
        returnOptions = returnOptions == null ? null : Set.copyOf(returnOptions);
    }
}
