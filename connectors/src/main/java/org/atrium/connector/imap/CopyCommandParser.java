package org.atrium.connector.imap;

/** {@code copy = "COPY" SP sequence-set SP mailbox} (RFC 3501 §6.4.7), also after UID. */
public final class CopyCommandParser implements ImapCommandParser.UidCapable {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args, boolean uid) throws ImapSyntaxException {
        args.sp();
        SequenceSet set = args.sequenceSet();
        args.sp();
        MailboxName mailbox = args.mailbox();
        args.end();
        return new CopyRequest(tag, uid, set, mailbox);
    }
}
