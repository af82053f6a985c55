package org.atrium.connector.smtp;

/** RSET (RFC 5321 §4.1.1.5): abandons the transaction, keeps the EHLO/HELO state. Valid in every command state. */
final class RsetCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) {
        if (!argument.isBlank()) {
            session.reply(501, "5.5.4", "Syntax: RSET");
            return;
        }
        session.endTransaction();
        session.reply(250, "2.0.0", "Ok");
    }
}
