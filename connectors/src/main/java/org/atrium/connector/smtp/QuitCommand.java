package org.atrium.connector.smtp;

/**
 * QUIT (RFC 5321 §4.1.1.10): 221, then close. An open transaction is abandoned (§3.8: a message is only the
 * server's responsibility after the 250 to the end of data). An argument is ignored: the client wants to leave either
 * way, and refusing would only keep the connection open longer.
 */
final class QuitCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) {
        session.reply(221, "2.0.0", "Bye");
        session.close();
    }
}
