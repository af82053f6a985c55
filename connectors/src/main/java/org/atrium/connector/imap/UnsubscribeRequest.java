package org.atrium.connector.imap;

/** UNSUBSCRIBE (RFC 3501 §6.3.7). */
public record UnsubscribeRequest(String tag, MailboxName mailbox) implements ImapRequest {
}
