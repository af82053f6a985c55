package org.atrium.connector.imap;

/** {@code getquotaroot = "GETQUOTAROOT" SP mailbox} (RFC 9208 §7). */
public final class GetQuotaRootCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        MailboxName mailbox = args.mailbox();
        args.end();
        return new GetQuotaRootRequest(tag, mailbox);
    }
}
