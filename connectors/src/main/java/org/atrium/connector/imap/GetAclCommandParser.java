package org.atrium.connector.imap;

/** {@code getacl = "GETACL" SP mailbox} (RFC 4314 §4). */
public final class GetAclCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        MailboxName mailbox = args.mailbox();
        args.end();
        return new GetAclRequest(tag, mailbox);
    }
}
