package org.atrium.connector.smtp;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an SMTP conversation stands, which commands each state accepts, and which states may follow.
 *
 * <p>RFC 5321 §4.1.4: NOOP, HELP, EXPN, VRFY and RSET are valid at any time, even before EHLO; a mail transaction
 * needs EHLO/HELO first; MAIL starts a transaction and may not be nested; RCPT needs MAIL; DATA needs at least one
 * accepted RCPT (§3.3 allows 503 for "no valid recipients"). In {@link #DATA} lines are content, not commands, and
 * in {@link #CLOSED} nothing is read at all. A command not allowed in a state is answered {@code 503 5.5.1}.
 * STARTTLS (RFC 3207 §4) is valid after EHLO/HELO outside a transaction; once TLS is up the session goes back to
 * {@link #CONNECTED} (RFC 3207 §4.2: the state right after the greeting), the one move from {@link #GREETED} back.
 * AUTH (RFC 4954 §4) is valid after EHLO and outside a transaction ("an AUTH command issued during a mail
 * transaction" is a 503).
 */
public enum SmtpState {
    /** Greeting sent, no EHLO/HELO yet. */
    CONNECTED(EnumSet.of(SmtpVerb.EHLO, SmtpVerb.HELO, SmtpVerb.RSET, SmtpVerb.NOOP, SmtpVerb.QUIT,
            SmtpVerb.HELP, SmtpVerb.VRFY, SmtpVerb.EXPN)),
    /** EHLO/HELO done, no transaction open. */
    GREETED(EnumSet.of(SmtpVerb.EHLO, SmtpVerb.HELO, SmtpVerb.MAIL, SmtpVerb.RSET, SmtpVerb.NOOP,
            SmtpVerb.QUIT, SmtpVerb.HELP, SmtpVerb.VRFY, SmtpVerb.EXPN, SmtpVerb.STARTTLS, SmtpVerb.AUTH)),
    /** MAIL accepted, no recipient accepted yet. */
    MAIL(EnumSet.of(SmtpVerb.EHLO, SmtpVerb.HELO, SmtpVerb.RCPT, SmtpVerb.RSET, SmtpVerb.NOOP,
            SmtpVerb.QUIT, SmtpVerb.HELP, SmtpVerb.VRFY, SmtpVerb.EXPN)),
    /** At least one recipient accepted. */
    RCPT(EnumSet.of(SmtpVerb.EHLO, SmtpVerb.HELO, SmtpVerb.RCPT, SmtpVerb.DATA, SmtpVerb.RSET, SmtpVerb.NOOP,
            SmtpVerb.QUIT, SmtpVerb.HELP, SmtpVerb.VRFY, SmtpVerb.EXPN)),
    /** 354 sent: every line is message content until the end-of-data line (RFC 5321 §4.1.1.4). */
    DATA(EnumSet.noneOf(SmtpVerb.class)),
    /** 221 or 421 sent, or the peer went away: nothing more is read or written. */
    CLOSED(EnumSet.noneOf(SmtpVerb.class));

    private final Set<SmtpVerb> allowed;

    SmtpState(Set<SmtpVerb> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** Whether {@code verb} may be issued in this state; otherwise the answer is 503 5.5.1. */
    public boolean allows(SmtpVerb verb) {
        return allowed.contains(verb);
    }

    /**
     * The transitions of the state machine. Staying put is allowed wherever commands are read (RSET before EHLO,
     * repeated EHLO, further RCPTs). Any open state may close. EHLO/HELO/RSET abandon a transaction (§4.1.1.5).
     * GREETED goes back to CONNECTED only by STARTTLS (RFC 3207 §4.2).
     */
    public boolean canMoveTo(SmtpState next) {
        if (next == CLOSED) {
            return true;
        }
        return switch (this) {
            case CONNECTED -> next == CONNECTED || next == GREETED;
            case GREETED -> next == GREETED || next == MAIL || next == CONNECTED;
            case MAIL -> next == GREETED || next == MAIL || next == RCPT;
            case RCPT -> next == GREETED || next == RCPT || next == DATA;
            case DATA -> next == GREETED;
            case CLOSED -> false;
        };
    }
}
