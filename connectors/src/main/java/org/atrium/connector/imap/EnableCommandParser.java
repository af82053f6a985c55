package org.atrium.connector.imap;

import java.util.ArrayList;
import java.util.List;

/** {@code enable = "ENABLE" 1*(SP capability)} (RFC 5161 §4). */
public final class EnableCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        List<String> caps = new ArrayList<>();
        args.sp();
        do {
            caps.add(args.keyword());
        } while (args.more());
        return new EnableRequest(tag, caps);
    }
}
