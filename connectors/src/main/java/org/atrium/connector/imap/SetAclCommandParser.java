package org.atrium.connector.imap;

import org.atrium.connector.imap.port.AclOperation;

/**
 * {@code setacl = "SETACL" SP mailbox SP identifier SP mod-rights}, {@code mod-rights = astring} with an optional
 * leading {@code +} or {@code -} (RFC 4314 §4, §3.1). An unrecognized right is a syntax error: RFC 4314 §3.1 asks for
 * {@code BAD}.
 */
public final class SetAclCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        MailboxName mailbox = args.mailbox();
        args.sp();
        String identifier = args.identifier();
        args.sp();
        String modRights = args.astring();
        args.end();
        AclOperation operation = AclOperation.REPLACE;
        String rights = modRights;
        if (modRights.startsWith("+") || modRights.startsWith("-")) {
            operation = modRights.charAt(0) == '+' ? AclOperation.ADD : AclOperation.REMOVE;
            rights = modRights.substring(1);
        }
        try {
            return new SetAclRequest(tag, mailbox, identifier, operation, AclRights.canonical(rights));
        } catch (IllegalArgumentException e) {
            throw new ImapSyntaxException("Invalid rights: " + e.getMessage());
        }
    }
}
