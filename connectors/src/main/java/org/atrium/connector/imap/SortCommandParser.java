package org.atrium.connector.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atrium.connector.imap.message.MessageSorter;

/**
 * {@code sort = ["UID" SP] "SORT" SP sort-criteria SP search-charset 1*(SP search-key)} (RFC 5256 §5):
 * {@code sort-criteria = "(" sort-criterion *(SP sort-criterion) ")"}, {@code sort-criterion = ["REVERSE" SP]
 * sort-key}; sort keys ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO and DISPLAYFROM, DISPLAYTO (RFC 5957 §3). The
 * charset is required, unlike SEARCH's. Search keys are read by {@link SearchCommandParser#keys}, with its nesting
 * bound.
 */
public final class SortCommandParser implements ImapCommandParser.UidCapable {

    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args, boolean uid) throws ImapSyntaxException {
        args.sp();
        args.openList();
        List<MessageSorter.Criterion> criteria = new ArrayList<>();
        do {
            boolean reverse = false;
            String k = args.keyword();
            if (k.equals("REVERSE")) {
                reverse = true;
                args.sp();
                k = args.keyword();
            }
            try {
                criteria.add(new MessageSorter.Criterion(MessageSorter.Criterion.Key.valueOf(k), reverse));
            } catch (IllegalArgumentException e) {
                throw new ImapSyntaxException("Unknown sort criterion");
            }
        } while (args.tryChar(' '));
        args.closeList();
        args.sp();
        String charset = args.astring().toUpperCase(Locale.ROOT);
        args.sp();
        return new SortRequest(tag, uid, criteria, charset, SearchCommandParser.keys(args));
    }
}
