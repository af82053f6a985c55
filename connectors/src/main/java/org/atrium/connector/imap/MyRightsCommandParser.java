package org.atrium.connector.imap;

/** {@code myrights = "MYRIGHTS" SP mailbox} (RFC 4314 §4). */
public final class MyRightsCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        MailboxName mailbox = args.mailbox();
        args.end();
        return new MyRightsRequest(tag, mailbox);
    }
}
