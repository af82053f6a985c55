package org.atrium.connector.smtp;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.atrium.connector.net.NetworkList;

/**
 * Limits and switches of one SMTP listener (RFC 5321 §4.5.3).
 *
 * <p>Line limits are counted <em>including</em> CR LF, as RFC 5321 §4.5.3.1.4 and §4.5.3.1.6 count them; the session
 * hands {@code limit - 2} to the line framing, which counts without the terminator.
 *
 * @param hostname the name announced in the greeting, EHLO reply and Received header
 * @param maxMessageSize the largest message accepted, in octets of content as sent (RFC 1870 SIZE)
 * @param maxRecipients RCPTs accepted per transaction; RFC 5321 §4.5.3.1.8 asks for at least 100
 * @param maxCommandLine longest command line incl. CR LF; RFC 5321 §4.5.3.1.4 sets 512
 * @param maxTextLine longest DATA line incl. CR LF. RFC 5321 §4.5.3.1.6 sets 1000, but real generators (HTML
 *        mailers, scripts) send far longer lines and refusing them bounces legitimate mail; the limit exists to bound
 *        memory per connection, so the default is 32 KiB, which no sane generator exceeds
 * @param idleTimeoutSeconds silence before 421; RFC 5321 §4.5.3.2 asks for at least 5 minutes
 * @param maxBadCommands protocol errors tolerated before {@code 421 4.7.0} and close
 * @param vrfyEnabled whether VRFY asks the store; off by default because it lets anyone harvest addresses
 *        (RFC 5321 §7.3)
 * @param spoolDir where messages over {@code memoryThreshold} are spilled while they arrive
 * @param memoryThreshold octets kept in memory per message before spilling to {@code spoolDir}
 * @param maxReceivedHeaders Received fields a message may carry before it is taken for a routing loop
 *        (RFC 5321 §6.3: {@code 554 5.4.6}); default 50, {@code atrium.smtp.max-received-headers}
 * @param trustedNetworks client networks that may relay without AUTH (RFC 5321 §3.6.2, §7.1),
 *        {@code atrium.smtp.trusted-networks}; empty by default, loopback included: nobody relays unauthenticated
 * @param defaultDomain the domain completing an unqualified RCPT of a trusted-network client,
 *        {@code atrium.smtp.default-domain}; empty turns that off
 * @param expnEnabled whether EXPN expands distribution lists (RFC 5321 §3.5.2), {@code atrium.smtp.expn}; off by
 *        default because it hands out list membership (§7.3)
 * @param maxConnectionsPerIp connections at once from one client address over all SMTP listeners,
 *        {@code atrium.smtp.max-connections-per-ip}; default 20, 0 for no limit
 * @param maxMessagesPerMinute messages per sender identity per minute, {@code atrium.smtp.max-messages-per-minute};
 *        default 600, 0 for no limit
 * @param dnsblZones DNS block list zones asked on connect to the MX listener (RFC 5782),
 *        {@code atrium.smtp.dnsbl.zones};
 *        empty (the default) turns the check off
 */
public record SmtpSettings(String hostname, long maxMessageSize, int maxRecipients, int maxCommandLine,
        int maxTextLine, int idleTimeoutSeconds, int maxBadCommands, boolean vrfyEnabled, Path spoolDir,
        int memoryThreshold, int maxReceivedHeaders, NetworkList trustedNetworks, String defaultDomain,
        boolean expnEnabled, int maxConnectionsPerIp, int maxMessagesPerMinute, List<String> dnsblZones) {

    public static final long DEFAULT_MAX_MESSAGE_SIZE = 50L * 1024 * 1024;
    public static final int DEFAULT_MAX_RECIPIENTS = 100;
    public static final int DEFAULT_MAX_COMMAND_LINE = 512;
    public static final int DEFAULT_MAX_TEXT_LINE = 32 * 1024;
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 300;
    public static final int DEFAULT_MAX_BAD_COMMANDS = 20;
    public static final int DEFAULT_MEMORY_THRESHOLD = 256 * 1024;
    public static final int DEFAULT_MAX_RECEIVED_HEADERS = 50;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_IP = 20;
    public static final int DEFAULT_MAX_MESSAGES_PER_MINUTE = 600;

    public SmtpSettings {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(spoolDir, "spoolDir");
        if (hostname.isBlank() || hostname.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("hostname must be a printable ASCII token: " + hostname);
        }
        if (maxMessageSize < 1 || maxRecipients < 1 || idleTimeoutSeconds < 1 || maxBadCommands < 0
                || memoryThreshold < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        // Below these the RFC's own commands and trace lines no longer fit.
        if (maxCommandLine < DEFAULT_MAX_COMMAND_LINE || maxTextLine < 1000) {
            throw new IllegalArgumentException("line limits below RFC 5321 §4.5.3.1 minimums");
        }
        Objects.requireNonNull(trustedNetworks, "trustedNetworks");
        defaultDomain = defaultDomain == null ? "" : defaultDomain.strip();
        dnsblZones = List.copyOf(dnsblZones);
        if (maxReceivedHeaders < 1 || maxConnectionsPerIp < 0 || maxMessagesPerMinute < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (!defaultDomain.isEmpty() && !SmtpPath.isDomain(defaultDomain)) {
            throw new IllegalArgumentException("default domain is not a domain: " + defaultDomain);
        }
    }

    /** The settings as they were before the transport policy (issue #4): that policy at its defaults. */
    public SmtpSettings(String hostname, long maxMessageSize, int maxRecipients, int maxCommandLine, int maxTextLine,
            int idleTimeoutSeconds, int maxBadCommands, boolean vrfyEnabled, Path spoolDir, int memoryThreshold) {
        this(hostname, maxMessageSize, maxRecipients, maxCommandLine, maxTextLine, idleTimeoutSeconds, maxBadCommands,
                vrfyEnabled, spoolDir, memoryThreshold, DEFAULT_MAX_RECEIVED_HEADERS, NetworkList.EMPTY, "", false,
                DEFAULT_MAX_CONNECTIONS_PER_IP, DEFAULT_MAX_MESSAGES_PER_MINUTE, List.of());
    }

    /** The defaults described on each component. */
    public static SmtpSettings defaults(String hostname, Path spoolDir) {
        return new SmtpSettings(hostname, DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_MAX_RECIPIENTS, DEFAULT_MAX_COMMAND_LINE,
                DEFAULT_MAX_TEXT_LINE, DEFAULT_IDLE_TIMEOUT_SECONDS, DEFAULT_MAX_BAD_COMMANDS, false, spoolDir,
                DEFAULT_MEMORY_THRESHOLD, DEFAULT_MAX_RECEIVED_HEADERS, NetworkList.EMPTY, "", false,
                DEFAULT_MAX_CONNECTIONS_PER_IP, DEFAULT_MAX_MESSAGES_PER_MINUTE, List.of());
    }

    public SmtpSettings withMaxMessageSize(long value) {
        return new SmtpSettings(hostname, value, maxRecipients, maxCommandLine, maxTextLine, idleTimeoutSeconds,
                maxBadCommands, vrfyEnabled, spoolDir, memoryThreshold, maxReceivedHeaders, trustedNetworks,
                defaultDomain, expnEnabled, maxConnectionsPerIp, maxMessagesPerMinute, dnsblZones);
    }

    public SmtpSettings withMaxRecipients(int value) {
        return new SmtpSettings(hostname, maxMessageSize, value, maxCommandLine, maxTextLine, idleTimeoutSeconds,
                maxBadCommands, vrfyEnabled, spoolDir, memoryThreshold, maxReceivedHeaders, trustedNetworks,
                defaultDomain, expnEnabled, maxConnectionsPerIp, maxMessagesPerMinute, dnsblZones);
    }

    public SmtpSettings withMaxTextLine(int value) {
        return new SmtpSettings(hostname, maxMessageSize, maxRecipients, maxCommandLine, value, idleTimeoutSeconds,
                maxBadCommands, vrfyEnabled, spoolDir, memoryThreshold, maxReceivedHeaders, trustedNetworks,
                defaultDomain, expnEnabled, maxConnectionsPerIp, maxMessagesPerMinute, dnsblZones);
    }

    public SmtpSettings withMaxBadCommands(int value) {
        return new SmtpSettings(hostname, maxMessageSize, maxRecipients, maxCommandLine, maxTextLine,
                idleTimeoutSeconds, value, vrfyEnabled, spoolDir, memoryThreshold, maxReceivedHeaders,
                trustedNetworks, defaultDomain, expnEnabled, maxConnectionsPerIp, maxMessagesPerMinute, dnsblZones);
    }

    public SmtpSettings withVrfyEnabled(boolean value) {
        return new SmtpSettings(hostname, maxMessageSize, maxRecipients, maxCommandLine, maxTextLine,
                idleTimeoutSeconds, maxBadCommands, value, spoolDir, memoryThreshold, maxReceivedHeaders,
                trustedNetworks, defaultDomain, expnEnabled, maxConnectionsPerIp, maxMessagesPerMinute, dnsblZones);
    }

    public SmtpSettings withMemoryThreshold(int value) {
        return new SmtpSettings(hostname, maxMessageSize, maxRecipients, maxCommandLine, maxTextLine,
                idleTimeoutSeconds, maxBadCommands, vrfyEnabled, spoolDir, value, maxReceivedHeaders, trustedNetworks,
                defaultDomain, expnEnabled, maxConnectionsPerIp, maxMessagesPerMinute, dnsblZones);
    }

    public SmtpSettings withMaxReceivedHeaders(int value) {
        return new SmtpSettings(hostname, maxMessageSize, maxRecipients, maxCommandLine, maxTextLine,
                idleTimeoutSeconds, maxBadCommands, vrfyEnabled, spoolDir, memoryThreshold, value, trustedNetworks,
                defaultDomain, expnEnabled, maxConnectionsPerIp, maxMessagesPerMinute, dnsblZones);
    }

    public SmtpSettings withTrustedNetworks(NetworkList value) {
        return new SmtpSettings(hostname, maxMessageSize, maxRecipients, maxCommandLine, maxTextLine,
                idleTimeoutSeconds, maxBadCommands, vrfyEnabled, spoolDir, memoryThreshold, maxReceivedHeaders, value,
                defaultDomain, expnEnabled, maxConnectionsPerIp, maxMessagesPerMinute, dnsblZones);
    }

    public SmtpSettings withDefaultDomain(String value) {
        return new SmtpSettings(hostname, maxMessageSize, maxRecipients, maxCommandLine, maxTextLine,
                idleTimeoutSeconds, maxBadCommands, vrfyEnabled, spoolDir, memoryThreshold, maxReceivedHeaders,
                trustedNetworks, value, expnEnabled, maxConnectionsPerIp, maxMessagesPerMinute, dnsblZones);
    }

    public SmtpSettings withExpnEnabled(boolean value) {
        return new SmtpSettings(hostname, maxMessageSize, maxRecipients, maxCommandLine, maxTextLine,
                idleTimeoutSeconds, maxBadCommands, vrfyEnabled, spoolDir, memoryThreshold, maxReceivedHeaders,
                trustedNetworks, defaultDomain, value, maxConnectionsPerIp, maxMessagesPerMinute, dnsblZones);
    }

    public SmtpSettings withMaxConnectionsPerIp(int value) {
        return new SmtpSettings(hostname, maxMessageSize, maxRecipients, maxCommandLine, maxTextLine,
                idleTimeoutSeconds, maxBadCommands, vrfyEnabled, spoolDir, memoryThreshold, maxReceivedHeaders,
                trustedNetworks, defaultDomain, expnEnabled, value, maxMessagesPerMinute, dnsblZones);
    }

    public SmtpSettings withMaxMessagesPerMinute(int value) {
        return new SmtpSettings(hostname, maxMessageSize, maxRecipients, maxCommandLine, maxTextLine,
                idleTimeoutSeconds, maxBadCommands, vrfyEnabled, spoolDir, memoryThreshold, maxReceivedHeaders,
                trustedNetworks, defaultDomain, expnEnabled, maxConnectionsPerIp, value, dnsblZones);
    }

    public SmtpSettings withDnsblZones(List<String> value) {
        return new SmtpSettings(hostname, maxMessageSize, maxRecipients, maxCommandLine, maxTextLine,
                idleTimeoutSeconds, maxBadCommands, vrfyEnabled, spoolDir, memoryThreshold, maxReceivedHeaders,
                trustedNetworks, defaultDomain, expnEnabled, maxConnectionsPerIp, maxMessagesPerMinute, value);
    }

    /** The command line limit as {@link org.atrium.connector.net.LineAssembler} counts it (without CR LF). */
    int commandLineLimit() {
        return maxCommandLine - 2;
    }

    /** The DATA line limit as {@link org.atrium.connector.net.LineAssembler} counts it (without CR LF). */
    int textLineLimit() {
        return maxTextLine - 2;
    }
}
