package org.atrium.connector.imap;

/**
 * EXPUNGE (RFC 3501 §6.4.3) or UID EXPUNGE (RFC 4315 §2.1).
 *
 * @param uids the UIDs to expunge for UID EXPUNGE, null for EXPUNGE
 */
public record ExpungeRequest(String tag, SequenceSet uids) implements ImapRequest {
}
