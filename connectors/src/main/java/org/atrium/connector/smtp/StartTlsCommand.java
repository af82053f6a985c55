package org.atrium.connector.smtp;

/**
 * STARTTLS (RFC 3207 §4): valid after EHLO/HELO outside a transaction ({@link SmtpState}), without parameters
 * ({@code 501 5.5.4}), and only while the connection is not under TLS: once TLS is up the keyword is no longer
 * offered and a second STARTTLS is a bad sequence ({@code 503 5.5.1}, §4.2). A listener without TLS does not offer it
 * and answers it as a command it does not support ({@code 502 5.5.1}, RFC 5321 §4.2.4). On success the session resets itself and asks for the switch
 * ({@link SmtpSession#startTls()}), which happens when the {@code 220 2.0.0} reply is flushed, in plaintext.
 */
final class StartTlsCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) {
        if (session.connection().secure()) {
            session.reply(503, "5.5.1", "Error: TLS already active");
            return;
        }
        if (!argument.isBlank()) {
            session.reply(501, "5.5.4", "Syntax: STARTTLS");
            return;
        }
        if (!session.startTlsOffered()) {
            session.reply(502, "5.5.1", "Error: STARTTLS not available");
            return;
        }
        session.startTls();
        session.reply(220, "2.0.0", "Ready to start TLS");
    }
}
