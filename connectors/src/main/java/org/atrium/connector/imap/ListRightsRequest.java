package org.atrium.connector.imap;

/** LISTRIGHTS (RFC 4314 §3.4). */
public record ListRightsRequest(String tag, MailboxName mailbox, String identifier) implements ImapRequest {
}
