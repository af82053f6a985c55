package org.atrium.connector.imap;

/** SUBSCRIBE (RFC 3501 §6.3.6). */
public record SubscribeRequest(String tag, MailboxName mailbox) implements ImapRequest {
}
