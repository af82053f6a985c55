package org.atrium.connector.imap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code id = "ID" SP id-params-list}, {@code id-params-list = "(" *(string SP nstring) ")" / nil} (RFC 2971 §4),
 * with the limits of RFC 2971 §3.3: at most 30 pairs, field names up to 30 octets, values up to 1024.
 */
public final class IdCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        Map<String, String> params = new LinkedHashMap<>();
        if (!args.tryNil()) {
            args.openList();
            if (!args.tryChar(')')) {
                do {
                    String field = args.string();
                    args.sp();
                    String value = args.nstring();
                    if (field.length() > 30 || (value != null && value.length() > 1024) || params.size() >= 30) {
                        throw new ImapSyntaxException("ID parameters over the RFC 2971 limits");
                    }
                    params.put(field, value);
                } while (args.tryChar(' '));
                args.expect(')');
            }
            args.leave();
        }
        args.end();
        return new IdRequest(tag, Collections.unmodifiableMap(params));
    }
}
