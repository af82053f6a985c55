package org.atrium.connector.imap;

import java.util.List;

/** STATUS (RFC 3501 §6.3.10). */
public record StatusRequest(String tag, MailboxName mailbox, List<StatusItem> items) implements ImapRequest {
    public StatusRequest {
        items = List.copyOf(items);
    }
}
