package org.atrium.connector.pop3;

/**
 * LIST [msg] (RFC 1939 §5): the scan listing "n size". The multi-line form skips messages marked deleted; the single
 * form refuses them, as it refuses numbers out of range.
 */
final class ListCommand implements Pop3Command {

    @Override
    public String verb() {
        return "LIST";
    }

    @Override
    public int maxArguments() {
        return 1;
    }

    @Override
    public void execute(Pop3Session session, Pop3Request request) {
        SessionMaildrop md = session.maildrop();
        if (request.arguments().isEmpty()) {
            String status = "+OK " + md.liveCount() + " messages (" + md.liveOctets() + " octets)";
            session.replyMultiLine(status, md.listing(MaildropEntry::size));
            return;
        }
        session.message(request.argument(0))
                .ifPresent(m -> session.reply("+OK " + m.number() + " " + m.entry().size()));
    }
}
