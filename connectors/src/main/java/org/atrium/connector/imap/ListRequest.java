package org.atrium.connector.imap;

import java.util.List;
import java.util.Set;

/**
 * LIST (RFC 3501 §6.3.8) with LIST-EXTENDED selection and return options (RFC 5258 §3), SPECIAL-USE (RFC 6154) and
 * LIST-STATUS (RFC 5819).
 *
 * @param reference the reference name, possibly empty
 * @param patterns one or more patterns with {@code %} and {@code *}
 * @param selectionOptions upper case: SUBSCRIBED, REMOTE, RECURSIVEMATCH, SPECIAL-USE
 * @param returnOptions upper case: SUBSCRIBED, CHILDREN, SPECIAL-USE, STATUS
 * @param statusItems the items of RETURN (STATUS (...)), empty when not asked
 */
public record ListRequest(String tag, MailboxName reference, List<String> patterns, Set<String> selectionOptions,
        Set<String> returnOptions, List<StatusItem> statusItems) implements ImapRequest {

    public ListRequest {
        patterns = List.copyOf(patterns);
        selectionOptions = Set.copyOf(selectionOptions);
        returnOptions = Set.copyOf(returnOptions);
        statusItems = List.copyOf(statusItems);
    }
}
