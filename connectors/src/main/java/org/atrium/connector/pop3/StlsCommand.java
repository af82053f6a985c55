package org.atrium.connector.pop3;

/**
 * STLS (RFC 2595 §4): only in AUTHORIZATION ({@link Pop3State}), no arguments, and only while the connection is not
 * under TLS and the listener has TLS. The session asks for the switch ({@link Pop3Session#startTls()}), which happens
 * when {@code +OK Begin TLS negotiation} is flushed, in plaintext; commands the client pipelined after STLS are
 * discarded, not run.
 */
final class StlsCommand implements Pop3Command {

    @Override
    public String verb() {
        return "STLS";
    }

    @Override
    public void execute(Pop3Session session, Pop3Request request) {
        if (session.connection().secure()) {
            session.reply("-ERR command not permitted when TLS active");
            return;
        }
        if (!session.stlsOffered()) {
            session.reply("-ERR STLS not available");
            return;
        }
        session.startTls();
        session.reply("+OK Begin TLS negotiation");
    }
}
