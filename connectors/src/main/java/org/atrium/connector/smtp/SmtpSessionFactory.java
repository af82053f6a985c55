package org.atrium.connector.smtp;

import java.time.Clock;
import java.util.Objects;
import org.atrium.connector.net.ConnectionInfo;
import org.atrium.connector.net.ProtocolSession;
import org.atrium.connector.net.SessionFactory;
import org.atrium.connector.net.SessionOutput;

/**
 * Creates an {@link SmtpSession} per accepted connection of the inbound MX listener (RFC 5321) or of a submission
 * listener (RFC 6409, {@link #submission}). The command table is built once here and shared, since handlers are
 * stateless. The {@link SmtpGuards} are shared by every session of every factory given the same instance.
 */
public final class SmtpSessionFactory implements SessionFactory {

    private final MailIntake intake;
    private final SmtpSettings settings;
    private final Clock clock;
    private final SmtpCommands commands = new SmtpCommands();
    private final boolean submission;
    private final boolean plainAuthOnLoopback;
    private final SmtpGuards guards;

    /**
     * @param intake the store port every session hands its mail to
     * @param settings the listener's limits
     * @param clock the time source for Received headers and envelopes (fixed in tests)
     */
    public SmtpSessionFactory(MailIntake intake, SmtpSettings settings, Clock clock) {
        this(intake, settings, clock, false, false, SmtpGuards.of(settings, clock));
    }

    /**
     * MX sessions sharing {@code guards} (connection and rate limits, block lists) with the server's other SMTP
     * listeners.
     */
    public SmtpSessionFactory(MailIntake intake, SmtpSettings settings, Clock clock, SmtpGuards guards) {
        this(intake, settings, clock, false, false, guards);
    }

    private SmtpSessionFactory(MailIntake intake, SmtpSettings settings, Clock clock, boolean submission,
            boolean plainAuthOnLoopback, SmtpGuards guards) {
        this.guards = Objects.requireNonNull(guards, "guards");
        this.submission = submission;
        this.plainAuthOnLoopback = plainAuthOnLoopback;
        this.intake = Objects.requireNonNull(intake, "intake");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sessions for a submission listener (RFC 6409; port 587-style with STARTTLS, or implicit TLS per RFC 8314):
     * AUTH PLAIN/LOGIN offered under TLS and required before MAIL, sender addresses checked against the user.
     *
     * @param plainAuthOnLoopback whether AUTH is also offered without TLS to clients on a loopback address
     */
    public static SmtpSessionFactory submission(MailIntake intake, SmtpSettings settings, Clock clock,
            boolean plainAuthOnLoopback) {
        return new SmtpSessionFactory(intake, settings, clock, true, plainAuthOnLoopback,
                SmtpGuards.of(settings, clock));
    }

    /** As {@link #submission(MailIntake, SmtpSettings, Clock, boolean)}, sharing {@code guards} with the MX listener. */
    public static SmtpSessionFactory submission(MailIntake intake, SmtpSettings settings, Clock clock,
            boolean plainAuthOnLoopback, SmtpGuards guards) {
        return new SmtpSessionFactory(intake, settings, clock, true, plainAuthOnLoopback, guards);
    }

    @Override
    public ProtocolSession create(ConnectionInfo connection, SessionOutput output) {
        return new SmtpSession(connection, output, intake, settings, clock, commands, submission,
                plainAuthOnLoopback, guards);
    }
}
