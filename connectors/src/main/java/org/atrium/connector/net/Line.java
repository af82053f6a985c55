package org.atrium.connector.net;

import java.nio.charset.StandardCharsets;

/**
 * One line as it arrived on the wire: its bytes without the terminator, and how it was terminated.
 *
 * <p>Line-oriented protocols (RFC 5321 §2.3.8, RFC 1939 §3, RFC 3501 §2.2) end lines with CRLF. A bare LF is
 * reported as such so that a protocol can refuse it where the RFC requires (SMTP DATA, against smuggling), and an
 * over-long line is reported once, at its terminator, with only its first bytes kept.
 *
 * @param bytes the line without CR LF; for {@link Ending#TOO_LONG} only the first {@code maxLength} bytes
 * @param ending how the line ended
 */
public record Line(byte[] bytes, Ending ending) {

    /** How a line was terminated. */
    public enum Ending {
        /** CR LF, as every RFC here requires. */
        CRLF,
        /** LF without a CR before it. */
        BARE_LF,
        /** The line exceeded the limit; the bytes past it were discarded up to the next LF. */
        TOO_LONG
    }

    /** The line decoded as UTF-8 (which is a superset of the US-ASCII commands use). */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Whether a CR appears inside the line (not as part of its terminator). */
    public boolean hasBareCr() {
        for (byte b : bytes) {
            if (b == '\r') {
                return true;
            }
        }
        return false;
    }

    public int length() {
        return bytes.length;
    }
}
