package org.atrium.connector.imap;

/** {@code create = "CREATE" SP mailbox} (RFC 3501 §6.3.3, §9). */
public final class CreateCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        MailboxName mailbox = args.mailbox();
        args.end();
        return new CreateRequest(tag, mailbox);
    }
}
