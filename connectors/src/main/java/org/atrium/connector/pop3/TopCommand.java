package org.atrium.connector.pop3;

import java.util.OptionalLong;

/**
 * TOP msg n (RFC 1939 §7): the header section, the empty line after it, and the first n body lines. n may be 0 and
 * may exceed the body, in which case the whole message is sent; it must be a non-negative decimal number.
 */
final class TopCommand implements Pop3Command {

    @Override
    public String verb() {
        return "TOP";
    }

    @Override
    public int minArguments() {
        return 2;
    }

    @Override
    public int maxArguments() {
        return 2;
    }

    @Override
    public void execute(Pop3Session session, Pop3Request request) {
        // Validate the line count first so a bad request never opens the message.
        OptionalLong lines = SessionMaildrop.decimal(request.argument(1));
        if (lines.isEmpty()) {
            session.reply("-ERR line count must be a non-negative number");
            return;
        }
        session.message(request.argument(0))
                .ifPresent(m -> MessageSender.send(session, m.entry(), "+OK top of message follows", lines.getAsLong()));
    }
}
