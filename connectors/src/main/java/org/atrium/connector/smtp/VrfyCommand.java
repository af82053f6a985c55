package org.atrium.connector.smtp;

import java.lang.System.Logger.Level;

/**
 * VRFY (RFC 5321 §3.5.1, §4.1.1.6). Disabled by default, because answering it lets anyone harvest valid addresses;
 * §7.3 then requires {@code 252}, which neither confirms nor denies. When enabled, a mailbox argument is checked
 * against the store as a non-relaying client would be, and a bare user name (which the store cannot resolve) again
 * gets 252.
 */
final class VrfyCommand implements SmtpCommand {

    private static final SmtpReply CANNOT_VERIFY =
            SmtpReply.of(252, "2.5.0", "Cannot VRFY user, but will accept message and attempt delivery");

    @Override
    public void execute(SmtpSession session, String argument) {
        String arg = argument.strip();
        if (arg.isEmpty()) {
            session.reply(501, "5.5.4", "Syntax: VRFY address");
            return;
        }
        if (!session.settings().vrfyEnabled()) {
            session.reply(CANNOT_VERIFY);
            return;
        }
        SmtpPath path;
        try {
            path = SmtpPath.parse(arg.startsWith("<") ? arg : "<" + arg + ">", false, true).path();
        } catch (SmtpPath.SyntaxException e) {
            session.reply(CANNOT_VERIFY);
            return;
        }
        RecipientCheck check;
        try {
            check = session.intake().checkRecipient(path.address(), false);
        } catch (RuntimeException e) {
            session.log(Level.ERROR, "vrfy-error", "outcome=451", e);
            session.reply(451, "4.3.0", "Temporary lookup failure");
            return;
        }
        if (check == null) {
            session.reply(451, "4.3.0", "Temporary lookup failure");
            return;
        }
        switch (check.outcome()) {
            case ACCEPT -> session.reply(250, "2.1.5",
                    "<" + (check.address() != null ? check.address() : path.address()) + ">");
            case UNKNOWN_USER -> session.reply(550, "5.1.1", "<" + path.address() + ">: User unknown");
            case DISABLED -> session.reply(550, "5.2.1", "<" + path.address() + ">: Mailbox disabled");
            case RELAY_DENIED, POST_DENIED, SENDER_DENIED -> session.reply(CANNOT_VERIFY);
            case MAILBOX_FULL -> session.reply(250, "2.1.5", "<" + path.address() + ">");
            case TEMPORARY_FAILURE -> session.reply(451, "4.3.0", "Temporary lookup failure");
        }
    }
}
