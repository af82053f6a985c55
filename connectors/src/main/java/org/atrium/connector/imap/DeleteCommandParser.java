package org.atrium.connector.imap;

/** {@code delete = "DELETE" SP mailbox} (RFC 3501 §6.3.4, §9). */
public final class DeleteCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        MailboxName mailbox = args.mailbox();
        args.end();
        return new DeleteRequest(tag, mailbox);
    }
}
