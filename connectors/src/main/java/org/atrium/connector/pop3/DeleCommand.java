package org.atrium.connector.pop3;

/**
 * DELE msg (RFC 1939 §5): marks a message; nothing is removed before QUIT (§6). A marked message may not be
 * referred to again, so deleting it twice is an error.
 */
final class DeleCommand implements Pop3Command {

    @Override
    public String verb() {
        return "DELE";
    }

    @Override
    public int minArguments() {
        return 1;
    }

    @Override
    public int maxArguments() {
        return 1;
    }

    @Override
    public void execute(Pop3Session session, Pop3Request request) {
        session.message(request.argument(0)).ifPresent(m -> {
            session.maildrop().markDeleted(m.number());
            session.reply("+OK message " + m.number() + " deleted");
        });
    }
}
