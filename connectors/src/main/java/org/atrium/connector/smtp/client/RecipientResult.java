package org.atrium.connector.smtp.client;

/**
 * What became of one recipient in an outbound attempt.
 *
 * @param address the recipient, as in the envelope
 * @param outcome delivered (the next hop answered 250 to RCPT and to the end of DATA), or a temporary or permanent
 *        failure
 * @param reply the reply that decided it, as the remote sent it (code, enhanced status code if any, text; lines of a
 *        multi-line reply joined by a space), or a description of a local failure such as
 *        {@code "connection refused by mx.example.org [192.0.2.1]"}; for DSNs and the tracking log
 */
public record RecipientResult(String address, Outcome outcome, String reply) {

    public enum Outcome { DELIVERED, TEMPORARY, PERMANENT }
}
