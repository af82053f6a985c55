package org.atrium.connector.imap;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code setquota = "SETQUOTA" SP quota-root-name SP setquota-list},
 * {@code setquota-list = "(" [setquota-resource *(SP setquota-resource)] ")"},
 * {@code setquota-resource = resource-name SP resource-limit} (RFC 9208 §7).
 */
public final class SetQuotaCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        String root = args.astring();
        args.sp();
        Map<String, Long> limits = new LinkedHashMap<>();
        args.openList();
        if (!args.tryChar(')')) {
            do {
                String resource = args.keyword();
                args.sp();
                limits.put(resource, args.number64());
            } while (args.tryChar(' '));
            args.expect(')');
        }
        args.leave();
        args.end();
        return new SetQuotaRequest(tag, root, limits);
    }
}
