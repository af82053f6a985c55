package org.atrium.connector.net;

/**
 * A {@link ProtocolSession} whose input mixes lines and counted runs of raw octets, as IMAP literals do
 * (RFC 3501 §4.3: {@code {n}CRLF} followed by exactly n octets, which may contain CR, LF and NUL).
 *
 * <p>Threading contract as for {@link ProtocolSession}. After every {@link #onLine} and every {@link #onOctets} the host
 * reads {@link #pendingOctets()}: while it is positive, the next input octets (up to that many) go to
 * {@link #onOctets} unframed, even when they arrived in the same read as the line before them; when it is zero, the
 * host frames lines again.
 */
public interface OctetAwareSession extends ProtocolSession {

    /** Raw octets the session expects before the next line; zero when it expects a line. */
    long pendingOctets();

    /** Raw octets of the run announced by {@link #pendingOctets()}; {@code len} never exceeds it. */
    void onOctets(byte[] data, int off, int len);
}
