package org.atrium.connector.imap;

/** {@code examine = "EXAMINE" SP mailbox [select-params]} (RFC 3501 §6.3.2): SELECT, read-only. */
public final class ExamineCommandParser implements ImapCommandParser {

    private final SelectCommandParser select = new SelectCommandParser(true);

    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        return select.parse(tag, args);
    }
}
