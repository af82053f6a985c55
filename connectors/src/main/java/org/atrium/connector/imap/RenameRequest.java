package org.atrium.connector.imap;

/** RENAME (RFC 3501 §6.3.5). */
public record RenameRequest(String tag, MailboxName from, MailboxName to) implements ImapRequest {
}
