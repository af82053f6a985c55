package org.atrium.connector.imap;

import java.util.Locale;
import org.atrium.connector.imap.message.MessageThreader;

/**
 * {@code thread = ["UID" SP] "THREAD" SP thread-alg SP search-charset 1*(SP search-key)} (RFC 5256 §5), with the
 * algorithms ORDEREDSUBJECT and REFERENCES; another {@code thread-alg} atom is refused with BAD, since this server
 * advertises only those two. Search keys are read by {@link SearchCommandParser#keys}.
 */
public final class ThreadCommandParser implements ImapCommandParser.UidCapable {

    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args, boolean uid) throws ImapSyntaxException {
        args.sp();
        MessageThreader.Algorithm algorithm;
        try {
            algorithm = MessageThreader.Algorithm.valueOf(args.keyword());
        } catch (IllegalArgumentException e) {
            throw new ImapSyntaxException("Unknown threading algorithm");
        }
        args.sp();
        String charset = args.astring().toUpperCase(Locale.ROOT);
        args.sp();
        return new ThreadRequest(tag, uid, algorithm, charset, SearchCommandParser.keys(args));
    }
}
