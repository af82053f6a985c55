package org.atrium.connector.pop3;

/**
 * STLS (RFC 2595 §4): only in AUTHORIZATION ({@link Pop3State}), no arguments, and only while the connection is not
 * under TLS and the listener has TLS. {@code +OK Begin TLS negotiation} goes out in plaintext, then the session
 * switches ({@link Pop3Session#startTls()}); commands the client pipelined after STLS are discarded, not run.
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
        session.reply("+OK Begin TLS negotiation");
        session.startTls();
    }
}
