package org.atrium.connector.imap;

/** GETACL (RFC 4314 §3.3). */
public record GetAclRequest(String tag, MailboxName mailbox) implements ImapRequest {
}
