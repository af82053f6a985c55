package org.atrium.connector.imap;

/** CREATE (RFC 3501 §6.3.3). */
public record CreateRequest(String tag, MailboxName mailbox) implements ImapRequest {
}
