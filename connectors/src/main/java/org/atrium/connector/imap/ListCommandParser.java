package org.atrium.connector.imap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code list = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]} (RFC 5258 §6, which
 * extends RFC 3501 §6.3.8). RECURSIVEMATCH alone is refused as RFC 5258 §3.1 requires; unknown options are refused
 * since none other is advertised.
 */
public final class ListCommandParser implements ImapCommandParser {

    private static final Set<String> SELECTION = Set.of("SUBSCRIBED", "REMOTE", "RECURSIVEMATCH", "SPECIAL-USE");
    private static final Set<String> RETURN = Set.of("SUBSCRIBED", "CHILDREN", "SPECIAL-USE", "STATUS");

    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        Set<String> selection = new LinkedHashSet<>();
        if (args.peek() == '(') {
            args.openList();
            if (!args.tryChar(')')) {
                do {
                    selection.add(option(args, SELECTION));
                } while (args.tryChar(' '));
                args.expect(')');
            }
            args.leave();
            args.sp();
            if (selection.equals(Set.of("RECURSIVEMATCH"))) {
                throw new ImapSyntaxException("RECURSIVEMATCH needs another selection option");
            }
        }
        MailboxName reference = args.mailbox();
        args.sp();
        List<String> patterns = new ArrayList<>();
        if (args.peek() == '(') {
            args.openList();
            do {
                patterns.add(args.listMailbox());
            } while (args.tryChar(' '));
            args.closeList();
        } else {
            patterns.add(args.listMailbox());
        }
        Set<String> returns = new LinkedHashSet<>();
        List<StatusItem> status = List.of();
        if (args.more()) {
            if (!args.tryKeyword("RETURN")) {
                throw new ImapSyntaxException("Expected RETURN");
            }
            args.sp();
            args.openList();
            if (!args.tryChar(')')) {
                do {
                    String o = option(args, RETURN);
                    if (o.equals("STATUS")) {
                        args.sp();
                        status = StatusCommandParser.items(args);
                    }
                    returns.add(o);
                } while (args.tryChar(' '));
                args.expect(')');
            }
            args.leave();
        }
        args.end();
        return new ListRequest(tag, reference, patterns, selection, returns, status);
    }

    private static String option(ImapArgumentParser args, Set<String> allowed) throws ImapSyntaxException {
        String o = args.keyword();
        if (!allowed.contains(o)) {
            throw new ImapSyntaxException("Unknown LIST option");
        }
        return o;
    }
}
