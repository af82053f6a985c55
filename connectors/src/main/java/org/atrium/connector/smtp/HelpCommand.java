package org.atrium.connector.smtp;

/** HELP (RFC 5321 §4.1.1.8): one 214 line naming the commands, whatever the argument. */
final class HelpCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) {
        session.reply(214, "2.0.0", "Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT HELP VRFY; see RFC 5321");
    }
}
