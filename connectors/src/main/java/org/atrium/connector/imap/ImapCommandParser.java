package org.atrium.connector.imap;

/**
 * Parses the arguments of one IMAP command into its {@link ImapRequest}. Implementations are stateless singletons;
 * the argument parser is positioned right after the command name, so a command with arguments starts with
 * {@link ImapArgumentParser#sp()}, and every parser ends with {@link ImapArgumentParser#end()}.
 */
@FunctionalInterface
public interface ImapCommandParser {

    ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException;

    /** A command that the UID prefix may precede (RFC 3501 §6.4.8, RFC 4315 §2.1, RFC 6851 §3.2). */
    interface UidCapable extends ImapCommandParser {

        ImapRequest parse(String tag, ImapArgumentParser args, boolean uid) throws ImapSyntaxException;

        @Override
        default ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
            return parse(tag, args, false);
        }
    }
}
