package org.atrium.connector.smtp;

/** NOOP (RFC 5321 §4.1.1.9): changes nothing; its optional string argument is ignored as the RFC says. */
final class NoopCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) {
        session.reply(250, "2.0.0", "Ok");
    }
}
