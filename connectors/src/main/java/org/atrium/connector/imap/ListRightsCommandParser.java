package org.atrium.connector.imap;

/** {@code listrights = "LISTRIGHTS" SP mailbox SP identifier} (RFC 4314 §4). */
public final class ListRightsCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        MailboxName mailbox = args.mailbox();
        args.sp();
        String identifier = args.identifier();
        args.end();
        return new ListRightsRequest(tag, mailbox, identifier);
    }
}
