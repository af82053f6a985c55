package org.atrium.connector.imap;

/** MYRIGHTS (RFC 4314 §3.5). */
public record MyRightsRequest(String tag, MailboxName mailbox) implements ImapRequest {
}
