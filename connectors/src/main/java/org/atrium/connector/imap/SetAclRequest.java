package org.atrium.connector.imap;

import org.atrium.connector.imap.port.AclOperation;

/** SETACL (RFC 4314 §3.1); {@code rights} canonical ({@link AclRights#canonical}), without its {@code +}/{@code -}. */
public record SetAclRequest(String tag, MailboxName mailbox, String identifier, AclOperation operation,
        String rights) implements ImapRequest {
}
