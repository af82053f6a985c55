package org.atrium.connector.pop3;

import java.util.Objects;

/**
 * Operator settings of a POP3 listener (RFC 1939, RFC 2449).
 *
 * @param hostname the host name announced in the greeting and sign-off
 * @param idleTimeoutSeconds silence before the server drops the connection; RFC 1939 §3 requires at least 10 minutes,
 *     so smaller values are refused rather than silently raised
 * @param maxLine the longest command line accepted, in octets <em>including</em> CR LF, as RFC 2449 §4 counts it (255)
 * @param maxArgument the longest single argument, in octets (RFC 2449 §4: 40); USER and PASS are exempt, see
 *     {@link Pop3Command#takesRawArgument()}
 * @param maxAuthFailures failed PASS attempts after which the connection is closed, to slow down password guessing
 * @param authFailureDelayMillis pause before answering a failed PASS; see {@code PassCommand} for why a sleep on the
 *     worker thread is acceptable
 * @param implementation the text of the IMPLEMENTATION capability (RFC 2449 §6.9)
 */
public record Pop3Settings(String hostname, int idleTimeoutSeconds, int maxLine, int maxArgument, int maxAuthFailures,
        long authFailureDelayMillis, String implementation) {

    /** RFC 1939 §3: "Such a timer MUST be of at least 10 minutes' duration." */
    public static final int MIN_IDLE_TIMEOUT_SECONDS = 600;

    /** RFC 2449 §4: command lines up to 255 octets including the terminating CRLF. */
    public static final int RFC_MAX_LINE = 255;

    /** RFC 2449 §4: "Each argument may be up to 40 characters long." */
    public static final int RFC_MAX_ARGUMENT = 40;

    public Pop3Settings {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(implementation, "implementation");
        if (hostname.isBlank() || !isPrintableAscii(hostname)) {
            throw new IllegalArgumentException("hostname must be printable US-ASCII");
        }
        if (implementation.isBlank() || !isPrintableAscii(implementation.replace(" ", "_"))) {
            throw new IllegalArgumentException("implementation must be printable US-ASCII");
        }
        if (idleTimeoutSeconds < MIN_IDLE_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("idleTimeoutSeconds must be at least 600 (RFC 1939 §3)");
        }
        // "PASS " plus a CR LF must leave room for a password.
        if (maxLine < 16) {
            throw new IllegalArgumentException("maxLine too small");
        }
        if (maxArgument < 1 || maxAuthFailures < 1 || authFailureDelayMillis < 0) {
            throw new IllegalArgumentException("maxArgument and maxAuthFailures must be positive, delay non-negative");
        }
    }

    /** RFC limits, 10 minutes idle, 3 failures a connection, 1 s delay after a failure. */
    public static Pop3Settings defaults(String hostname) {
        return new Pop3Settings(hostname, MIN_IDLE_TIMEOUT_SECONDS, RFC_MAX_LINE, RFC_MAX_ARGUMENT, 3, 1000, "Atrium");
    }

    /** The longest line without its CR LF, as {@link org.atrium.connector.net.ProtocolSession#maxLineLength()} counts. */
    public int maxLineWithoutCrlf() {
        return maxLine - 2;
    }

    private static boolean isPrintableAscii(String s) {
        return s.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
