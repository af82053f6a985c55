package org.atrium.connector.imap;

/** DELETE (RFC 3501 §6.3.4). */
public record DeleteRequest(String tag, MailboxName mailbox) implements ImapRequest {
}
