package org.atrium.connector.smtp;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The SMTP envelope of one accepted transaction (RFC 5321 §2.3.1).
 *
 * @param heloName what the client gave in EHLO/HELO
 * @param clientIp the client's IP address
 * @param reversePath MAIL FROM without brackets; the empty string for the null reverse-path {@code <>}
 * @param recipients canonical addresses as returned by {@link MailIntake#checkRecipient}, in RCPT order, no repeats
 * @param authenticatedUser the SASL identity, or null for an unauthenticated client
 * @param eightBitMime whether the client declared BODY=8BITMIME (RFC 6152)
 * @param receivedAt when DATA ended
 * @param sessionId the connection's log id
 * @param envid the DSN envelope id, MAIL FROM ENVID= (RFC 3461 §4.4), still xtext-encoded; null when not given
 * @param ret MAIL FROM RET= (RFC 3461 §4.3), "FULL" or "HDRS" in upper case; null when not given
 * @param recipientDsn the RCPT TO NOTIFY= and ORCPT= parameters (RFC 3461 §4.1, §4.2) per canonical recipient
 *        address; a recipient without either parameter has no entry
 */
public record InboundEnvelope(String heloName, String clientIp, String reversePath, List<String> recipients,
        String authenticatedUser, boolean eightBitMime, Instant receivedAt, String sessionId, String envid, String ret,
        Map<String, RecipientDsn> recipientDsn) {

    public InboundEnvelope {
        recipients = List.copyOf(recipients);
        recipientDsn = recipientDsn == null ? Map.of() : Map.copyOf(recipientDsn);
    }

    /** An envelope without DSN parameters. */
    public InboundEnvelope(String heloName, String clientIp, String reversePath, List<String> recipients,
            String authenticatedUser, boolean eightBitMime, Instant receivedAt, String sessionId) {
        this(heloName, clientIp, reversePath, recipients, authenticatedUser, eightBitMime, receivedAt, sessionId, null,
                null, Map.of());
    }
}
