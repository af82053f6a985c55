package org.atrium.connector.imap;

/** {@code deleteacl = "DELETEACL" SP mailbox SP identifier} (RFC 4314 §4). */
public final class DeleteAclCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        MailboxName mailbox = args.mailbox();
        args.sp();
        String identifier = args.identifier();
        args.end();
        return new DeleteAclRequest(tag, mailbox, identifier);
    }
}
