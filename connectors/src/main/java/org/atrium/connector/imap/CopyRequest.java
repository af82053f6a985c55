package org.atrium.connector.imap;

/** COPY or UID COPY (RFC 3501 §6.4.7). */
public record CopyRequest(String tag, boolean uid, SequenceSet set, MailboxName mailbox) implements ImapRequest {
}
