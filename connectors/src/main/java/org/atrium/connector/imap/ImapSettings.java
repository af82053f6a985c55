package org.atrium.connector.imap;

import java.util.Objects;

/**
 * Settings of the IMAP service.
 *
 * <p>Invariants: every bound is positive; the idle timeout is at least 30 minutes, the autologout floor of RFC 3501
 * §5.4. Failed logins are throttled by the store ({@code ImapMailStore.authenticate}), not here.
 *
 * @param hostname the name announced in the greeting
 * @param maxAppendSize the largest message APPEND accepts, in octets; advertised as APPENDLIMIT (RFC 7889)
 * @param idleTimeoutSeconds silence before {@code * BYE Autologout} (RFC 3501 §5.4: at least 30 minutes)
 * @param maxBadCommands consecutive BAD responses after which the server sends BYE and closes
 */
public record ImapSettings(String hostname, long maxAppendSize, int idleTimeoutSeconds, int maxBadCommands) {

    /** 50 MiB messages. */
    public static final long DEFAULT_MAX_APPEND = 50L * 1024 * 1024;
    /** RFC 3501 §5.4: "at least 30 minutes". */
    public static final int MIN_IDLE_TIMEOUT_SECONDS = 30 * 60;
    public static final int DEFAULT_MAX_BAD_COMMANDS = 20;

    public ImapSettings {
        Objects.requireNonNull(hostname, "hostname");
        if (maxAppendSize < 1 || idleTimeoutSeconds < MIN_IDLE_TIMEOUT_SECONDS || maxBadCommands < 1) {
            throw new IllegalArgumentException("invalid IMAP settings");
        }
    }

    public static ImapSettings defaults(String hostname) {
        return new ImapSettings(hostname, DEFAULT_MAX_APPEND, MIN_IDLE_TIMEOUT_SECONDS, DEFAULT_MAX_BAD_COMMANDS);
    }

    /**
     * The request reader's bounds: the defaults, with the APPEND literal at {@link #maxAppendSize()} so an over-size
     * message is refused with {@code NO [TOOBIG]} before the client sends it (RFC 7889 §4).
     */
    public ImapRequestLimits requestLimits() {
        ImapRequestLimits d = ImapRequestLimits.DEFAULTS;
        return new ImapRequestLimits(d.maxLineLength(), d.maxArgumentLiteral(), maxAppendSize,
                Math.max(d.maxCommandSize(), maxAppendSize + 1024 * 1024), d.maxLiterals(), d.maxNestingDepth());
    }
}
