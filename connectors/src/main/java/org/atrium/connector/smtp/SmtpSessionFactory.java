package org.atrium.connector.smtp;

import java.time.Clock;
import java.util.Objects;
import org.atrium.connector.net.ConnectionInfo;
import org.atrium.connector.net.ProtocolSession;
import org.atrium.connector.net.SessionFactory;
import org.atrium.connector.net.SessionOutput;

/**
 * Creates an {@link SmtpSession} per accepted connection of the inbound MX listener (RFC 5321). The command table is
 * built once here and shared, since handlers are stateless.
 */
public final class SmtpSessionFactory implements SessionFactory {

    private final MailIntake intake;
    private final SmtpSettings settings;
    private final Clock clock;
    private final SmtpCommands commands = new SmtpCommands();

    /**
     * @param intake the store port every session hands its mail to
     * @param settings the listener's limits
     * @param clock the time source for Received headers and envelopes (fixed in tests)
     */
    public SmtpSessionFactory(MailIntake intake, SmtpSettings settings, Clock clock) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ProtocolSession create(ConnectionInfo connection, SessionOutput output) {
        return new SmtpSession(connection, output, intake, settings, clock, commands);
    }
}
