package org.atrium.connector.smtp;

import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * MAIL FROM:&lt;reverse-path&gt; [SIZE=n] [BODY=7BIT|8BITMIME] (RFC 5321 §4.1.1.2, RFC 1870 §6, RFC 6152 §2).
 *
 * <p>The null reverse-path {@code <>} is accepted (bounces, §4.5.5). A space after the colon is tolerated because
 * widespread clients send it, although §4.1.2 does not allow it. Parameters are only allowed after EHLO (555 after
 * HELO, RFC 5321 §4.1.1.11); unknown ones are 555 5.5.4, malformed values 501 5.5.4. A declared size over the limit
 * is refused at once with 552 5.3.4 (RFC 1870 §6.1) so the client need not send the content.
 *
 * <p>On submission (RFC 6409): MAIL before AUTH is {@code 530 5.7.0} (RFC 4954 §6); the null reverse-path is refused
 * (a user does not send bounces), and so is any address the user may not send as ({@code 553 5.7.1}, RFC 6409 §6.1,
 * decided by {@link MailIntake#mayUseSender}). The {@code AUTH=} parameter (RFC 4954 §5), which a server offering
 * AUTH must accept, is taken and ignored there: the identity that counts is the session's own.
 *
 * <p>DSN (RFC 3461 §4.3, §4.4): {@code RET=FULL|HDRS} and {@code ENVID=xtext} (at most 100 characters) are kept in
 * the transaction for the envelope; a repeated or malformed one is {@code 501 5.5.4}. Before the transaction opens,
 * the sender's message rate is checked ({@code 450 4.7.1} over {@link SmtpSettings#maxMessagesPerMinute()}).
 */
final class MailCommand implements SmtpCommand {

    /** RFC 3461 §4.4: ENVID is at most 100 characters. */
    static final int MAX_ENVID = 100;

    @Override
    public void execute(SmtpSession session, String argument) {
        if (session.submission() && session.authenticatedUser() == null) {
            session.reply(530, "5.7.0", "Authentication required");
            return;
        }
        if (!argument.regionMatches(true, 0, "FROM:", 0, 5)) {
            session.reply(501, "5.5.4", "Syntax: MAIL FROM:<address>");
            return;
        }
        SmtpPath.Parsed parsed;
        try {
            parsed = SmtpPath.parse(argument.substring(5).stripLeading(), true, false);
        } catch (SmtpPath.SyntaxException e) {
            session.reply(501, "5.1.7", "Bad sender address syntax");
            return;
        }
        if (!parsed.parameters().isEmpty() && !session.esmtp()) {
            session.reply(555, "5.5.4", "MAIL parameters require EHLO");
            return;
        }
        long size = -1;
        Boolean eightBit = null;
        String ret = null;
        String envid = null;
        for (String parameter : parsed.parameters()) {
            int eq = parameter.indexOf('=');
            String keyword = (eq < 0 ? parameter : parameter.substring(0, eq)).toUpperCase(Locale.ROOT);
            String value = eq < 0 ? null : parameter.substring(eq + 1);
            switch (keyword) {
                case "SIZE" -> {
                    if (size >= 0 || value == null || value.isEmpty() || value.length() > 20
                            || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        session.reply(501, "5.5.4", "Bad SIZE parameter");
                        return;
                    }
                    // Over 18 digits cannot fit a long, and is over any limit anyway.
                    size = value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value);
                }
                case "BODY" -> {
                    if (eightBit != null || value == null) {
                        session.reply(501, "5.5.4", "Bad BODY parameter");
                        return;
                    }
                    if (value.equalsIgnoreCase("8BITMIME")) {
                        eightBit = true;
                    } else if (value.equalsIgnoreCase("7BIT")) {
                        eightBit = false;
                    } else {
                        session.reply(501, "5.5.4", "Unsupported BODY type");
                        return;
                    }
                }
                case "RET" -> {
                    // RFC 3461 §4.3: FULL or HDRS, at most once.
                    if (ret != null || value == null
                            || !(value.equalsIgnoreCase("FULL") || value.equalsIgnoreCase("HDRS"))) {
                        session.reply(501, "5.5.4", "Bad RET parameter");
                        return;
                    }
                    ret = value.toUpperCase(Locale.ROOT);
                }
                case "ENVID" -> {
                    // RFC 3461 §4.4: xtext, at most 100 characters, at most once.
                    if (envid != null || value == null || value.length() > MAX_ENVID || !Xtext.valid(value)) {
                        session.reply(501, "5.5.4", "Bad ENVID parameter");
                        return;
                    }
                    envid = value;
                }
                case "AUTH" -> {
                    if (!session.submission() || value == null) {
                        session.reply(555, "5.5.4", "Unsupported parameter AUTH");
                        return;
                    }
                }
                default -> {
                    session.reply(555, "5.5.4", "Unsupported parameter " + keywordForReply(keyword));
                    return;
                }
            }
        }
        if (size > session.settings().maxMessageSize()) {
            session.log(Level.INFO, "transaction-refused",
                    "reason=declared-size size=" + size + " from=" + parsed.path() + " outcome=552");
            session.reply(552, "5.3.4", "Message size exceeds fixed maximum message size");
            return;
        }
        if (session.submission() && !senderAllowed(session, parsed.path().address())) {
            return;
        }
        if (!withinRate(session, parsed.path())) {
            return;
        }
        session.beginTransaction(parsed.path(), Boolean.TRUE.equals(eightBit), ret, envid);
        session.reply(250, "2.1.0", "Ok");
    }

    /**
     * The per-sender rate ({@link SenderRateLimiter}): the identity is the authenticated user, else the reverse-path,
     * else (null reverse-path) the client's address. Over the limit: {@code 450 4.7.1}, a transient refusal
     * (RFC 5321 §4.2.2) so the client queues and retries.
     */
    private static boolean withinRate(SmtpSession session, SmtpPath reversePath) {
        String identity = session.authenticatedUser() != null ? session.authenticatedUser()
                : !reversePath.isNull() ? reversePath.address() : "[" + session.connection().remoteIp() + "]";
        if (session.guards().senders().tryAcquire(identity)) {
            return true;
        }
        session.log(Level.WARNING, "transaction-refused", "reason=rate-limit sender=" + identity + " limit="
                + session.settings().maxMessagesPerMinute() + "/min outcome=450");
        session.reply(450, "4.7.1", "Too many messages from " + identity + ", try again later");
        return false;
    }

    /** Replies 553 (or 451) and returns false unless the authenticated user may use this reverse-path. */
    private static boolean senderAllowed(SmtpSession session, String address) {
        if (address.isEmpty()) {
            session.log(Level.INFO, "transaction-refused", "reason=null-sender outcome=553");
            session.reply(553, "5.7.1", "Null sender not allowed on submission");
            return false;
        }
        boolean allowed;
        try {
            allowed = session.intake().mayUseSender(session.authenticatedUser(), address);
        } catch (RuntimeException e) {
            session.log(Level.ERROR, "transaction-refused", "reason=intake-error outcome=451", e);
            session.reply(451, "4.3.0", "Temporary lookup failure, try again later");
            return false;
        }
        if (!allowed) {
            session.log(Level.INFO, "transaction-refused", "reason=sender-not-owned from=<" + address
                    + "> outcome=553");
            session.reply(553, "5.7.1", "<" + address + ">: Sender address rejected: not owned by user "
                    + session.authenticatedUser());
        }
        return allowed;
    }

    /** Echo only a short, printable keyword so a hostile one cannot bloat or garble the reply. */
    private static String keywordForReply(String keyword) {
        String shown = keyword.length() > 20 ? keyword.substring(0, 20) : keyword;
        return shown.chars().allMatch(c -> c > ' ' && c <= '~') ? shown : "";
    }
}
