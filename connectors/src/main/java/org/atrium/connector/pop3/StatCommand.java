package org.atrium.connector.pop3;

/** STAT (RFC 1939 §5): count and octets of the messages not marked deleted. */
final class StatCommand implements Pop3Command {

    @Override
    public String verb() {
        return "STAT";
    }

    @Override
    public void execute(Pop3Session session, Pop3Request request) {
        SessionMaildrop md = session.maildrop();
        session.reply("+OK " + md.liveCount() + " " + md.liveOctets());
    }
}
