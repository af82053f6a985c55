package org.atrium.connector.smtp;

import java.time.Instant;
import java.util.List;

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
 */
public record InboundEnvelope(String heloName, String clientIp, String reversePath, List<String> recipients,
        String authenticatedUser, boolean eightBitMime, Instant receivedAt, String sessionId) {

    public InboundEnvelope {
        recipients = List.copyOf(recipients);
    }
}
