package org.atrium.connector.smtp;

/**
 * EXPN (RFC 5321 §3.5.2, §4.1.1.7) is not implemented: it is not in the §4.5.1 minimum set, and expanding lists
 * would hand out their membership. The answer is {@code 502 5.5.1}, "command not implemented", which is true and,
 * unlike 250 or 550, cannot be mistaken for a verification result (the concern of §7.3). It is not counted as a
 * protocol error: the command is well-formed.
 */
final class ExpnCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) {
        session.reply(502, "5.5.1", "EXPN not implemented");
    }
}
