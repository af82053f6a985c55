package org.atrium.connector.pop3;

/** RETR msg (RFC 1939 §5): the whole message, dot-stuffed, streamed from the store. */
final class RetrCommand implements Pop3Command {

    @Override
    public String verb() {
        return "RETR";
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
        session.message(request.argument(0))
                .ifPresent(m -> MessageSender.send(session, m.entry(), "+OK " + m.entry().size() + " octets",
                        MessageWriter.WHOLE_MESSAGE));
    }
}
