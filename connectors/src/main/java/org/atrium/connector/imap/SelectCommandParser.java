package org.atrium.connector.imap;

/**
 * {@code select = "SELECT" SP mailbox [select-params]} (RFC 3501 §6.3.1; RFC 4466 §2.1 select-params; CONDSTORE and
 * QRESYNC RFC 7162 §3.1.8, §3.2.5). Unknown parameters are a syntax error, since RFC 4466 lets a server refuse what it
 * did not advertise.
 */
public final class SelectCommandParser implements ImapCommandParser {

    private final boolean readOnly;

    public SelectCommandParser() {
        this(false);
    }

    SelectCommandParser(boolean readOnly) {
        this.readOnly = readOnly;
    }

    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        MailboxName mailbox = args.mailbox();
        boolean condstore = false;
        SelectRequest.Qresync qresync = null;
        if (args.more()) {
            args.openList();
            do {
                String p = args.keyword();
                if (p.equals("CONDSTORE") && !condstore) {
                    condstore = true;
                } else if (p.equals("QRESYNC") && qresync == null) {
                    args.sp();
                    qresync = qresync(args);
                } else {
                    throw new ImapSyntaxException("Unknown or repeated select parameter");
                }
            } while (args.tryChar(' '));
            args.closeList();
        }
        args.end();
        return new SelectRequest(tag, mailbox, readOnly, condstore, qresync);
    }

    private static SelectRequest.Qresync qresync(ImapArgumentParser args) throws ImapSyntaxException {
        args.openList();
        long uidValidity = args.nzNumber();
        args.sp();
        long modSeq = args.number64();
        if (modSeq == 0) {
            throw new ImapSyntaxException("Invalid mod-sequence");
        }
        SequenceSet known = null;
        SequenceSet seqs = null;
        SequenceSet uids = null;
        if (args.tryChar(' ')) {
            if (args.peek() != '(') {
                known = args.sequenceSet();
                args.tryChar(' ');
            }
            if (args.peek() == '(') {
                args.openList();
                seqs = args.sequenceSet();
                args.sp();
                uids = args.sequenceSet();
                args.closeList();
            }
        }
        args.closeList();
        if ((known != null && known.saved()) || (seqs != null && (seqs.saved() || uids.saved()))) {
            throw new ImapSyntaxException("$ not allowed in QRESYNC");
        }
        return new SelectRequest.Qresync(uidValidity, modSeq, known, seqs, uids);
    }
}
