package org.atrium.connector.imap;

/** DELETEACL (RFC 4314 §3.2). */
public record DeleteAclRequest(String tag, MailboxName mailbox, String identifier) implements ImapRequest {
}
