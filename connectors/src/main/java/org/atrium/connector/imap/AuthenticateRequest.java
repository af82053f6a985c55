package org.atrium.connector.imap;

/**
 * AUTHENTICATE (RFC 3501 §6.2.2) with the optional SASL-IR initial response (RFC 4959 §3).
 *
 * @param mechanism the SASL mechanism name, upper case
 * @param initialResponse the base64 initial response as sent, {@code ""} for {@code =} (an empty response), or null
 *     when none was sent; decoding is the mechanism's job
 */
public record AuthenticateRequest(String tag, String mechanism, String initialResponse) implements ImapRequest {
    @Override
    public String toString() {
        return "AuthenticateRequest[tag=" + tag + ", mechanism=" + mechanism
                + (initialResponse == null ? "" : ", initialResponse=***") + "]";
    }
}
