package org.atrium.connector.pop3;

/**
 * NOOP (RFC 1939 §5). Its use is the side effect every TRANSACTION command has: the session touches the maildrop lock
 * and the host resets the idle timer.
 */
final class NoopCommand implements Pop3Command {

    @Override
    public String verb() {
        return "NOOP";
    }

    @Override
    public void execute(Pop3Session session, Pop3Request request) {
        session.reply("+OK");
    }
}
