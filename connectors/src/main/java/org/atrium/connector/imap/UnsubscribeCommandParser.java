package org.atrium.connector.imap;

/** {@code unsubscribe = "UNSUBSCRIBE" SP mailbox} (RFC 3501 §6.3.7, §9). */
public final class UnsubscribeCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        MailboxName mailbox = args.mailbox();
        args.end();
        return new UnsubscribeRequest(tag, mailbox);
    }
}
