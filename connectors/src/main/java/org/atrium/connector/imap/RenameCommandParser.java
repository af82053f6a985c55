package org.atrium.connector.imap;

/** {@code rename = "RENAME" SP mailbox SP mailbox} (RFC 3501 §6.3.5, §9). */
public final class RenameCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        MailboxName from = args.mailbox();
        args.sp();
        MailboxName to = args.mailbox();
        args.end();
        return new RenameRequest(tag, from, to);
    }
}
