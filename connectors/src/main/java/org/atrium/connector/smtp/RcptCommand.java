package org.atrium.connector.smtp;

import java.lang.System.Logger.Level;

/**
 * RCPT TO:&lt;forward-path&gt; (RFC 5321 §4.1.1.3). The store decides through
 * {@link MailIntake#checkRecipient(String, boolean, String)}; the reply maps its verdict to 250 2.1.5, 550 5.1.1,
 * 550 5.2.1, 550 5.7.1, 552 5.2.2 or 451 4.3.0 (RFC 3463). The domain-less {@code <postmaster>} must be accepted
 * (§4.5.1), so it is passed on as {@code postmaster} for the store to resolve. Past {@link SmtpSettings#maxRecipients()} the
 * answer is 452 4.5.3 (§4.5.3.1.10), which tells the client to send the rest in another transaction. Recipients the
 * store maps to the same canonical address collapse into one.
 *
 * <p>On submission (RFC 6409) the authenticated user is passed on, but remote domains are still refused with
 * 550 5.7.1 by the store: there is no outbound queue yet, and mail that cannot be delivered is not accepted.
 */
final class RcptCommand implements SmtpCommand {

    @Override
    public void execute(SmtpSession session, String argument) {
        if (!argument.regionMatches(true, 0, "TO:", 0, 3)) {
            session.reply(501, "5.5.4", "Syntax: RCPT TO:<address>");
            return;
        }
        SmtpPath.Parsed parsed;
        try {
            parsed = SmtpPath.parse(argument.substring(3).stripLeading(), false, true);
        } catch (SmtpPath.SyntaxException e) {
            session.reply(501, "5.1.3", "Bad recipient address syntax");
            return;
        }
        if (!parsed.parameters().isEmpty()) {
            // No RCPT extension (DSN NOTIFY/ORCPT) is offered yet.
            session.reply(555, "5.5.4", "Unsupported RCPT parameter");
            return;
        }
        SmtpTransaction transaction = session.transaction();
        if (transaction.recipientCount() >= session.settings().maxRecipients()) {
            session.reply(452, "4.5.3", "Error: too many recipients");
            return;
        }
        String address = parsed.path().address();
        RecipientCheck check;
        try {
            check = session.intake().checkRecipient(address, session.relayPermitted(), session.authenticatedUser(),
                    transaction.reversePath().address());
        } catch (RuntimeException e) {
            session.log(Level.ERROR, "rcpt-refused", "reason=intake-error outcome=451", e);
            session.reply(451, "4.3.0", "<" + address + ">: Temporary lookup failure, try again later");
            return;
        }
        RecipientCheck.Outcome outcome = check == null ? RecipientCheck.Outcome.TEMPORARY_FAILURE : check.outcome();
        switch (outcome) {
            case ACCEPT -> {
                transaction.addRecipient(check.address() != null ? check.address() : address, address);
                session.moveTo(SmtpState.RCPT);
                session.reply(250, "2.1.5", "Ok");
            }
            case UNKNOWN_USER -> refuse(session, address, Level.INFO, "unknown-user", 550, "5.1.1",
                    "Recipient address rejected: User unknown");
            case RELAY_DENIED -> refuse(session, address, Level.INFO, "relay-denied", 550, "5.7.1", "Relaying denied");
            case POST_DENIED -> refuse(session, address, Level.INFO, "post-denied", 550, "5.7.1",
                    "Not permitted to post to this folder");
            case DISABLED -> refuse(session, address, Level.INFO, "disabled", 550, "5.2.1", "Mailbox disabled");
            case MAILBOX_FULL -> refuse(session, address, Level.INFO, "mailbox-full", 552, "5.2.2", "Mailbox full");
            case TEMPORARY_FAILURE -> refuse(session, address, Level.WARNING, "temporary", 451, "4.3.0",
                    "Temporary lookup failure, try again later");
        }
    }

    /** One log line and the reply for a refused recipient (RFC 5321 §4.2.2 codes, RFC 3463 enhanced codes). */
    private static void refuse(SmtpSession session, String address, Level level, String reason, int code,
            String enhanced, String text) {
        session.log(level, "rcpt-refused", "reason=" + reason + " to=<" + address + "> outcome=" + code);
        session.reply(code, enhanced, "<" + address + ">: " + text);
    }
}
