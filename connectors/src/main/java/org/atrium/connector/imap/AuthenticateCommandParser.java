package org.atrium.connector.imap;

/** {@code authenticate = "AUTHENTICATE" SP auth-type [SP (base64 / "=")]} (RFC 3501 §9, RFC 4959 §7). */
public final class AuthenticateCommandParser implements ImapCommandParser {
    @Override
    public ImapRequest parse(String tag, ImapArgumentParser args) throws ImapSyntaxException {
        args.sp();
        String mechanism = args.keyword();
        String initial = null;
        if (args.more()) {
            String a = args.atom();
            if (!a.equals("=")) {
                if (!a.matches("[A-Za-z0-9+/]*={0,2}") || a.length() % 4 != 0) {
                    throw new ImapSyntaxException("Invalid base64 initial response");
                }
                initial = a;
            } else {
                initial = "";
            }
        }
        args.end();
        return new AuthenticateRequest(tag, mechanism, initial);
    }
}
