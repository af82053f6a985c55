package org.atrium.connector.imap;

/** {@code "EXPUNGE"} and {@code uid-expunge = "UID" SP "EXPUNGE" SP sequence-set} (RFC 3501 §6.4.3, RFC 4315 §3). */
public final class ExpungeCommandParser implements ImapCommandParser.UidCapable {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args, boolean uid) throws ImapSyntaxException {
        SequenceSet set = null;
        if (uid) {
            args.sp();
            set = args.sequenceSet();
        }
        args.end();
        return new ExpungeRequest(tag, set);
    }
}
