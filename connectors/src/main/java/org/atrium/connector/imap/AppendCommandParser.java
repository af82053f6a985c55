package org.atrium.connector.imap;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code append = "APPEND" SP mailbox [SP flag-list] [SP date-time] SP literal} (RFC 3501 §6.3.11, §9), the literal
 * possibly a literal8 (RFC 3516 §4.4). One message only: MULTIAPPEND (RFC 3502) and CATENATE (RFC 4469) are not
 * offered. A message in a quoted string is refused, as the grammar requires a literal.
 */
public final class AppendCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        MailboxName mailbox = args.mailbox();
        args.sp();
        List<String> flags = List.of();
        OffsetDateTime date = null;
        if (args.peek() == '(') {
            flags = args.flagList();
            args.sp();
        }
        if (args.peek() == '"') {
            date = args.dateTime();
            args.sp();
        }
        ImapCommandLine.Literal message = args.literal(true);
        args.end();
        return new AppendRequest(tag, mailbox, flags, date, message.data(), message.binary());
    }
}
