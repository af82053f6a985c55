package org.atrium.connector.mime;

/**
 * Bounds that keep parsing of hostile input linear and small: beyond a limit the rest is kept as an opaque body and
 * the message is flagged {@code malformed}, never rejected.
 *
 * @param maxDepth nesting depth of multipart and message/rfc822 parts (the top-level message is depth 0)
 * @param maxParts number of MIME parts in the whole message, nested messages included
 * @param maxHeaderFieldLength octets kept of one header field (the rest is skipped, offsets stay exact)
 * @param maxHeaderFields header fields examined per header block
 */
public record MimeLimits(int maxDepth, int maxParts, int maxHeaderFieldLength, int maxHeaderFields) {

    public static final MimeLimits DEFAULT = new MimeLimits(32, 1000, 16 * 1024, 1000);

    public MimeLimits {
        if (maxDepth < 1 || maxParts < 1 || maxHeaderFieldLength < 1024 || maxHeaderFields < 1) {
            throw new IllegalArgumentException("limits too small");
        }
    }
}
