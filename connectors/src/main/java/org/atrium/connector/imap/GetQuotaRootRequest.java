package org.atrium.connector.imap;

/** GETQUOTAROOT (RFC 9208 §4.2.2). */
public record GetQuotaRootRequest(String tag, MailboxName mailbox) implements ImapRequest {
}
