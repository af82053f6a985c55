package org.atrium.connector.pop3;

/**
 * UIDL [msg] (RFC 1939 §7): the unique-id listing "n uid". Like LIST, the multi-line form skips messages marked
 * deleted and the single form refuses them.
 */
final class UidlCommand implements Pop3Command {

    @Override
    public String verb() {
        return "UIDL";
    }

    @Override
    public int maxArguments() {
        return 1;
    }

    @Override
    public void execute(Pop3Session session, Pop3Request request) {
        SessionMaildrop md = session.maildrop();
        if (request.arguments().isEmpty()) {
            session.replyMultiLine("+OK unique-id listing follows", md.listing(MaildropEntry::uniqueId));
            return;
        }
        session.message(request.argument(0))
                .ifPresent(m -> session.reply("+OK " + m.number() + " " + m.entry().uniqueId()));
    }
}
