package org.atrium.connector.imap;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code store = "STORE" SP sequence-set [SP store-modifiers] SP store-att-flags},
 * {@code store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))}
 * (RFC 3501 §6.4.6, §9; RFC 4466 §2.5 modifiers; UNCHANGEDSINCE RFC 7162 §3.1.3).
 */
public final class StoreCommandParser implements ImapCommandParser.UidCapable {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args, boolean uid) throws ImapSyntaxException {
        args.sp();
        SequenceSet set = args.sequenceSet();
        args.sp();
        Long unchangedSince = null;
        if (args.peek() == '(') {
            args.openList();
            if (!args.tryKeyword("UNCHANGEDSINCE")) {
                throw new ImapSyntaxException("Unknown STORE modifier");
            }
            args.sp();
            unchangedSince = args.number64();
            args.closeList();
            args.sp();
        }
        StoreRequest.Mode mode = args.tryChar('+') ? StoreRequest.Mode.ADD
                : args.tryChar('-') ? StoreRequest.Mode.REMOVE : StoreRequest.Mode.REPLACE;
        String item = args.keyword();
        boolean silent;
        if (item.equals("FLAGS")) {
            silent = false;
        } else if (item.equals("FLAGS.SILENT")) {
            silent = true;
        } else {
            throw new ImapSyntaxException("Expected FLAGS or FLAGS.SILENT");
        }
        args.sp();
        List<String> flags;
        if (args.peek() == '(') {
            flags = args.flagList();
        } else {
            flags = new ArrayList<>();
            do {
                flags.add(args.flag());
            } while (args.tryChar(' '));
        }
        args.end();
        return new StoreRequest(tag, uid, set, mode, silent, flags, unchangedSince);
    }
}
