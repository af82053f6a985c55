package org.atrium.connector.smtp;

/**
 * EXPN (RFC 5321 §3.5.2, §4.1.1.7) is refused by policy: it is not in the §4.5.1 minimum set, and expanding lists
 * would hand out their membership (§7.3). The answer is the reply code §4.2.4 defines for a command the server does
 * not offer, {@code 502 5.5.1}, which, unlike 250 or 550, cannot be mistaken for a verification result. Turning it on
 * for administrators who want it comes with distribution groups (issue #4). Not counted as a protocol error: the
 * command is well-formed.
 */
final class ExpnCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) {
        session.reply(502, "5.5.1", "EXPN disabled by policy");
    }
}
