package org.atrium.connector.pop3;

/** RSET (RFC 1939 §5): unmarks every message marked deleted in this session. */
final class RsetCommand implements Pop3Command {

    @Override
    public String verb() {
        return "RSET";
    }

    @Override
    public void execute(Pop3Session session, Pop3Request request) {
        SessionMaildrop md = session.maildrop();
        md.unmarkAll();
        session.reply("+OK maildrop has " + md.liveCount() + " messages (" + md.liveOctets() + " octets)");
    }
}
