package org.atrium.connector.imap;

/** LSUB (RFC 3501 §6.3.9). */
public record LsubRequest(String tag, MailboxName reference, String pattern) implements ImapRequest {
}
