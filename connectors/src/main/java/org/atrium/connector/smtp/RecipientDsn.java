package org.atrium.connector.smtp;

/**
 * The DSN parameters of one RCPT TO (RFC 3461).
 *
 * @param notifyOn the NOTIFY= value in upper case, e.g. {@code NEVER} or {@code SUCCESS,FAILURE,DELAY} (§4.1); null
 *        when not given (the server then notifies on failure and delay only)
 * @param orcpt the ORCPT= value as received, {@code addr-type ";" xtext} (§4.2); null when not given
 */
public record RecipientDsn(String notifyOn, String orcpt) {
}
