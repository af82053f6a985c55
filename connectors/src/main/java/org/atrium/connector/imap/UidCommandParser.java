package org.atrium.connector.imap;

import java.util.Map;

/**
 * {@code uid = "UID" SP (copy / move / fetch / search / store / uid-expunge)} (RFC 3501 §6.4.8, RFC 6851 §3.2,
 * RFC 4315 §2.1): the named command with UIDs in place of sequence numbers.
 */
public final class UidCommandParser implements ImapCommandParser {

    private final Map<String, ImapCommandParser.UidCapable> commands;

    public UidCommandParser(Map<String, ImapCommandParser.UidCapable> commands) {
        this.commands = Map.copyOf(commands);
    }

    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        ImapCommandParser.UidCapable parser = commands.get(args.keyword());
        if (parser == null) {
            throw new ImapSyntaxException("Unknown UID command");
        }
        return parser.parse(tag, args, true);
    }
}
