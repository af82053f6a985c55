package org.atrium.connector.imap;

/** Parser for the commands of {@link SimpleCommand}: anything after the name is a syntax error (RFC 3501 §9). */
public final class SimpleCommandParser implements ImapCommandParser {

    private final SimpleCommand command;

    public SimpleCommandParser(SimpleCommand command) {
        this.command = command;
    }

    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.end();
        return new SimpleRequest(tag, command);
    }
}
