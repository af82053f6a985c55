package org.atrium.connector.imap;

/** {@code subscribe = "SUBSCRIBE" SP mailbox} (RFC 3501 §6.3.6, §9). */
public final class SubscribeCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        MailboxName mailbox = args.mailbox();
        args.end();
        return new SubscribeRequest(tag, mailbox);
    }
}
