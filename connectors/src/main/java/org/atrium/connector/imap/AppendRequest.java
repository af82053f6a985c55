package org.atrium.connector.imap;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * APPEND (RFC 3501 §6.3.11) of one message; literal8 (RFC 3516 §4.4) sets {@code binary}.
 *
 * @param flags the flags to set, possibly empty
 * @param internalDate the INTERNALDATE asked for, or null for "now"
 * @param message the message octets as sent
 */
public record AppendRequest(String tag, MailboxName mailbox, List<String> flags, OffsetDateTime internalDate,
        byte[] message, boolean binary) implements ImapRequest {

    public AppendRequest {
        flags = List.copyOf(flags);
    }

    @Override
    public String toString() {
        return "AppendRequest[tag=" + tag + ", mailbox=" + mailbox + ", flags=" + flags + ", internalDate="
                + internalDate + ", octets=" + message.length + ", binary=" + binary + "]";
    }
}
