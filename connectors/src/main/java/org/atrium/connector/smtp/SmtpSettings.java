package org.atrium.connector.smtp;

import java.nio.file.Path;
import java.util.Objects;

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
 */
public record SmtpSettings(String hostname, long maxMessageSize, int maxRecipients, int maxCommandLine,
        int maxTextLine, int idleTimeoutSeconds, int maxBadCommands, boolean vrfyEnabled, Path spoolDir,
        int memoryThreshold) {

    public static final long DEFAULT_MAX_MESSAGE_SIZE = 50L * 1024 * 1024;
    public static final int DEFAULT_MAX_RECIPIENTS = 100;
    public static final int DEFAULT_MAX_COMMAND_LINE = 512;
    public static final int DEFAULT_MAX_TEXT_LINE = 32 * 1024;
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 300;
    public static final int DEFAULT_MAX_BAD_COMMANDS = 20;
    public static final int DEFAULT_MEMORY_THRESHOLD = 256 * 1024;

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
    }

    /** The defaults described on each component. */
    public static SmtpSettings defaults(String hostname, Path spoolDir) {
        return new SmtpSettings(hostname, DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_MAX_RECIPIENTS, DEFAULT_MAX_COMMAND_LINE,
                DEFAULT_MAX_TEXT_LINE, DEFAULT_IDLE_TIMEOUT_SECONDS, DEFAULT_MAX_BAD_COMMANDS, false, spoolDir,
                DEFAULT_MEMORY_THRESHOLD);
    }

    public SmtpSettings withMaxMessageSize(long value) {
        return new SmtpSettings(hostname, value, maxRecipients, maxCommandLine, maxTextLine, idleTimeoutSeconds,
                maxBadCommands, vrfyEnabled, spoolDir, memoryThreshold);
    }

    public SmtpSettings withMaxRecipients(int value) {
        return new SmtpSettings(hostname, maxMessageSize, value, maxCommandLine, maxTextLine, idleTimeoutSeconds,
                maxBadCommands, vrfyEnabled, spoolDir, memoryThreshold);
    }

    public SmtpSettings withMaxTextLine(int value) {
        return new SmtpSettings(hostname, maxMessageSize, maxRecipients, maxCommandLine, value, idleTimeoutSeconds,
                maxBadCommands, vrfyEnabled, spoolDir, memoryThreshold);
    }

    public SmtpSettings withMaxBadCommands(int value) {
        return new SmtpSettings(hostname, maxMessageSize, maxRecipients, maxCommandLine, maxTextLine,
                idleTimeoutSeconds, value, vrfyEnabled, spoolDir, memoryThreshold);
    }

    public SmtpSettings withVrfyEnabled(boolean value) {
        return new SmtpSettings(hostname, maxMessageSize, maxRecipients, maxCommandLine, maxTextLine,
                idleTimeoutSeconds, maxBadCommands, value, spoolDir, memoryThreshold);
    }

    public SmtpSettings withMemoryThreshold(int value) {
        return new SmtpSettings(hostname, maxMessageSize, maxRecipients, maxCommandLine, maxTextLine,
                idleTimeoutSeconds, maxBadCommands, vrfyEnabled, spoolDir, value);
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
