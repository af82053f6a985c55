package org.atrium.connector.imap;

/** MOVE or UID MOVE (RFC 6851 §3.1). */
public record MoveRequest(String tag, boolean uid, SequenceSet set, MailboxName mailbox) implements ImapRequest {
}
