package org.atrium.connector.imap;

/** {@code login = "LOGIN" SP userid SP password}, both astrings (RFC 3501 §6.2.3, §9). */
public final class LoginCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        String user = args.astring();
        args.sp();
        String password = args.astring();
        args.end();
        return new LoginRequest(tag, user, password);
    }
}
