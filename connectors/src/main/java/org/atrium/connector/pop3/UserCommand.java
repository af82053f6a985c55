package org.atrium.connector.pop3;

/**
 * USER name (RFC 1939 §7). Always answers {@code +OK}, whether or not the account exists, so that USER cannot be used
 * to probe for valid names; the verdict comes only after PASS. A second USER replaces the first.
 */
final class UserCommand implements Pop3Command {

    @Override
    public String verb() {
        return "USER";
    }

    @Override
    public int minArguments() {
        return 1;
    }

    @Override
    public boolean takesRawArgument() {
        return true;
    }

    @Override
    public void execute(Pop3Session session, Pop3Request request) {
        session.pendingUser(request.rawArgument());
        session.reply("+OK send PASS");
    }
}
