package org.atrium.connector.imap;

import java.util.ArrayList;
import java.util.List;

/** {@code status = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")"} (RFC 3501 §6.3.10, §9). */
public final class StatusCommandParser implements ImapCommandParser {

    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        MailboxName mailbox = args.mailbox();
        args.sp();
        List<StatusItem> items = items(args);
        args.end();
        return new StatusRequest(tag, mailbox, items);
    }

    /** A non-empty parenthesised list of status items, as also used by LIST RETURN (STATUS ...) (RFC 5819). */
    static List<StatusItem> items(ImapArgumentParser args) throws ImapSyntaxException {
        args.openList();
        List<StatusItem> items = new ArrayList<>();
        do {
            String k = args.keyword();
            try {
                items.add(StatusItem.valueOf(k));
            } catch (IllegalArgumentException e) {
                throw new ImapSyntaxException("Unknown status item");
            }
        } while (args.tryChar(' '));
        args.closeList();
        return items;
    }
}
