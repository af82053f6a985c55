package org.atrium.connector.smtp;

import java.time.Clock;
import java.util.Objects;

/**
 * The protection state every SMTP listener of one server shares: open connections per client address
 * ({@link ConnectionLimiter}), messages per sender per minute ({@link SenderRateLimiter}) and the DNS block lists
 * ({@link Dnsbl}, asked by the MX listener only). One instance is built by the host and handed to the MX and both
 * submission session factories, so that a client cannot escape a limit by switching port.
 */
public record SmtpGuards(ConnectionLimiter connections, SenderRateLimiter senders, Dnsbl dnsbl) {

    public SmtpGuards {
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(senders, "senders");
        Objects.requireNonNull(dnsbl, "dnsbl");
    }

    /** Guards with the settings' limits and the given block-list look-up. */
    public static SmtpGuards of(SmtpSettings settings, Clock clock, Dnsbl.Lookup lookup) {
        return new SmtpGuards(new ConnectionLimiter(settings.maxConnectionsPerIp()),
                new SenderRateLimiter(settings.maxMessagesPerMinute(), clock),
                new Dnsbl(settings.dnsblZones(), lookup));
    }

    /** Guards with the settings' limits and no block-list look-up (for a factory built without shared guards). */
    public static SmtpGuards of(SmtpSettings settings, Clock clock) {
        return new SmtpGuards(new ConnectionLimiter(settings.maxConnectionsPerIp()),
                new SenderRateLimiter(settings.maxMessagesPerMinute(), clock), Dnsbl.off());
    }
}
