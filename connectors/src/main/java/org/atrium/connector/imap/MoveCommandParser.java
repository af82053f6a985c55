package org.atrium.connector.imap;

/** {@code move = "MOVE" SP sequence-set SP mailbox} (RFC 6851 §3.1), also after UID. */
public final class MoveCommandParser implements ImapCommandParser.UidCapable {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args, boolean uid) throws ImapSyntaxException {
        args.sp();
        SequenceSet set = args.sequenceSet();
        args.sp();
        MailboxName mailbox = args.mailbox();
        args.end();
        return new MoveRequest(tag, uid, set, mailbox);
    }
}
