package org.atrium.connector.imap;

/** {@code lsub = "LSUB" SP mailbox SP list-mailbox} (RFC 3501 §6.3.9, §9). */
public final class LsubCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        MailboxName reference = args.mailbox();
        args.sp();
        String pattern = args.listMailbox();
        args.end();
        return new LsubRequest(tag, reference, pattern);
    }
}
