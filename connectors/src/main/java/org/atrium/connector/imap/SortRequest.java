package org.atrium.connector.imap;

import java.util.List;
import org.atrium.connector.imap.message.MessageSorter;

/**
 * SORT or UID SORT (RFC 5256 §3; DISPLAYFROM/DISPLAYTO RFC 5957).
 *
 * @param criteria the sort criteria in order, at least one
 * @param charset the charset of the search keys, upper case; whether it is supported is the processor's answer
 *     ({@code NO [BADCHARSET]}, RFC 5256 §3)
 * @param key the search keys, as one {@link SearchKey.And} when several were given
 */
public record SortRequest(String tag, boolean uid, List<MessageSorter.Criterion> criteria, String charset,
        SearchKey key) implements ImapRequest {

    public SortRequest {
        criteria = List.copyOf(criteria);
    }
}
