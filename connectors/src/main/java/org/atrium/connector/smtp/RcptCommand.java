package org.atrium.connector.smtp;

import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * RCPT TO:&lt;forward-path&gt; (RFC 5321 §4.1.1.3). The store decides through
 * {@link MailIntake#checkRecipient(String, boolean, String)}; the reply maps its verdict to 250 2.1.5, 550 5.1.1,
 * 550 5.2.1, 550 5.7.1, 552 5.2.2 or 451 4.3.0 (RFC 3463). The domain-less {@code <postmaster>} must be accepted
 * (§4.5.1), so it is passed on as {@code postmaster} for the store to resolve. Past {@link SmtpSettings#maxRecipients()} the
 * answer is 452 4.5.3 (§4.5.3.1.10), which tells the client to send the rest in another transaction. Recipients the
 * store maps to the same canonical address collapse into one.
 *
 * <p>DSN (RFC 3461 §4.1, §4.2): {@code NOTIFY=NEVER|SUCCESS,FAILURE,DELAY} and {@code ORCPT=addr-type;xtext} are
 * kept per canonical recipient; a repeated or malformed one is {@code 501 5.5.4}, any other parameter
 * {@code 555 5.5.4}. An unqualified recipient ({@code <alice>}) is completed with the authenticated user's domain, or
 * for a trusted-network client with {@link SmtpSettings#defaultDomain()}; otherwise it stays a syntax error.
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
            parsed = SmtpPath.parse(qualified(session, argument.substring(3).stripLeading()), false, true);
        } catch (SmtpPath.SyntaxException e) {
            session.reply(501, "5.1.3", "Bad recipient address syntax");
            return;
        }
        if (!parsed.parameters().isEmpty() && !session.esmtp()) {
            session.reply(555, "5.5.4", "RCPT parameters require EHLO");
            return;
        }
        String notify = null;
        String orcpt = null;
        for (String parameter : parsed.parameters()) {
            int eq = parameter.indexOf('=');
            String keyword = (eq < 0 ? parameter : parameter.substring(0, eq)).toUpperCase(Locale.ROOT);
            String value = eq < 0 ? null : parameter.substring(eq + 1);
            switch (keyword) {
                case "NOTIFY" -> {
                    notify = notify == null ? notifyValue(value) : null;
                    if (notify == null) {
                        session.reply(501, "5.5.4", "Bad NOTIFY parameter");
                        return;
                    }
                }
                case "ORCPT" -> {
                    if (orcpt != null || !validOrcpt(value)) {
                        session.reply(501, "5.5.4", "Bad ORCPT parameter");
                        return;
                    }
                    orcpt = value;
                }
                default -> {
                    session.reply(555, "5.5.4", "Unsupported RCPT parameter");
                    return;
                }
            }
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
                String canonical = check.address() != null ? check.address() : address;
                transaction.addRecipient(canonical, address);
                if (notify != null || orcpt != null) {
                    transaction.recipientDsn(canonical, new RecipientDsn(notify, orcpt));
                }
                session.moveTo(SmtpState.RCPT);
                session.reply(250, "2.1.5", "Ok");
            }
            case UNKNOWN_USER -> refuse(session, address, Level.INFO, "unknown-user", 550, "5.1.1",
                    "Recipient address rejected: User unknown");
            case RELAY_DENIED -> refuse(session, address, Level.INFO, "relay-denied", 550, "5.7.1", "Relaying denied");
            case POST_DENIED -> refuse(session, address, Level.INFO, "post-denied", 550, "5.7.1",
                    "Not permitted to post to this folder");
            case SENDER_DENIED -> refuse(session, address, Level.INFO, "sender-denied", 550, "5.7.1",
                    "Only members may send to this list");
            case DISABLED -> refuse(session, address, Level.INFO, "disabled", 550, "5.2.1", "Mailbox disabled");
            case MAILBOX_FULL -> refuse(session, address, Level.INFO, "mailbox-full", 552, "5.2.2", "Mailbox full");
            case TEMPORARY_FAILURE -> refuse(session, address, Level.WARNING, "temporary", 451, "4.3.0",
                    "Temporary lookup failure, try again later");
        }
    }

    /**
     * RFC 3461 §4.1: {@code NEVER} alone, or one or more of {@code SUCCESS}, {@code FAILURE}, {@code DELAY}, comma
     * separated, each at most once. Returns the value in upper case, or null when malformed.
     */
    static String notifyValue(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.equals("NEVER")) {
            return upper;
        }
        Set<String> seen = new HashSet<>();
        for (String each : upper.split(",", -1)) {
            if (!NOTIFY_EVENTS.contains(each) || !seen.add(each)) {
                return null;
            }
        }
        return upper;
    }

    private static final Set<String> NOTIFY_EVENTS = Set.of("SUCCESS", "FAILURE", "DELAY");

    /**
     * RFC 3461 §4.2: {@code addr-type ";" xtext}, addr-type an atom (RFC 5322 §3.2.3) such as {@code rfc822}; the
     * decoded address at most 500 characters.
     */
    static boolean validOrcpt(String value) {
        if (value == null) {
            return false;
        }
        int semi = value.indexOf(';');
        if (semi <= 0 || semi == value.length() - 1) {
            return false;
        }
        String type = value.substring(0, semi);
        String address = value.substring(semi + 1);
        return type.chars().allMatch(c -> c > ' ' && c <= '~' && "()<>[]:;@\\,.\"".indexOf(c) < 0)
                && Xtext.valid(address) && Xtext.decode(address).length() <= MAX_ORCPT;
    }

    /** RFC 3461 §4.2: the original recipient address must not exceed 500 characters. */
    static final int MAX_ORCPT = 500;

    /**
     * An unqualified forward-path ({@code <alice>}, no domain) completed with the domain of the authenticated user,
     * or for a client in the trusted networks with {@link SmtpSettings#defaultDomain()}; anything else is returned
     * unchanged (and then refused by the parser as before). {@code <postmaster>} keeps its RFC 5321 §4.5.1 meaning.
     */
    static String qualified(SmtpSession session, String pathText) {
        if (pathText.isEmpty() || pathText.charAt(0) != '<') {
            return pathText;
        }
        int close = pathText.indexOf('>');
        if (close < 2) {
            return pathText;
        }
        String inner = pathText.substring(1, close);
        if (inner.indexOf('@') >= 0 || inner.indexOf('"') >= 0 || inner.equalsIgnoreCase("postmaster")) {
            return pathText;
        }
        String domain = completionDomain(session);
        return domain == null ? pathText : "<" + inner + "@" + domain + pathText.substring(close);
    }

    private static String completionDomain(SmtpSession session) {
        String user = session.authenticatedUser();
        if (user != null) {
            int at = user.lastIndexOf('@');
            return at >= 0 && at < user.length() - 1 ? user.substring(at + 1) : null;
        }
        String fallback = session.settings().defaultDomain();
        return session.trustedClient() && !fallback.isEmpty() ? fallback : null;
    }

    /** One log line and the reply for a refused recipient (RFC 5321 §4.2.2 codes, RFC 3463 enhanced codes). */
    private static void refuse(SmtpSession session, String address, Level level, String reason, int code,
            String enhanced, String text) {
        session.log(level, "rcpt-refused", "reason=" + reason + " to=<" + address + "> outcome=" + code);
        session.reply(code, enhanced, "<" + address + ">: " + text);
    }
}
