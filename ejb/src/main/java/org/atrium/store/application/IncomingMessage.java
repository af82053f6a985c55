package org.atrium.store.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message handed to the store for delivery, whatever protocol brought it.
 *
 * @param reversePath the envelope sender, "" for the null sender
 * @param recipients canonical local mailbox addresses, or remote addresses a trusted client relays
 * @param envid the DSN envelope id (RFC 3461 §4.4, xtext as received), or null
 * @param ret RET= (RFC 3461 §4.3), "FULL" or "HDRS", or null
 * @param recipientDsn NOTIFY=/ORCPT= per recipient address; recipients without either have no entry
 */
public record IncomingMessage(String reversePath, List<String> recipients, String clientIp, String helo,
        String authenticatedUser, String sessionId, Instant receivedAt, String envid, String ret,
        Map<String, DsnRequest> recipientDsn) {

    /**
     * The DSN request of one recipient (RFC 3461 §4.1, §4.2).
     *
     * @param notifyOn NOTIFY= upper case ({@code NEVER}, or a comma list of SUCCESS, FAILURE, DELAY), or null
     * @param orcpt ORCPT= as received ({@code addr-type ";" xtext}), or null
     */
    public record DsnRequest(String notifyOn, String orcpt) {
    }

    public IncomingMessage {
        recipients = List.copyOf(recipients);
        recipientDsn = recipientDsn == null ? Map.of() : Map.copyOf(recipientDsn);
    }

    /** A message without DSN parameters. */
    public IncomingMessage(String reversePath, List<String> recipients, String clientIp, String helo,
            String authenticatedUser, String sessionId, Instant receivedAt) {
        this(reversePath, recipients, clientIp, helo, authenticatedUser, sessionId, receivedAt, null, null, Map.of());
    }

    /** The DSN request of {@code recipient}, never null (both fields null when none was given). */
    public DsnRequest dsn(String recipient) {
        return recipientDsn.getOrDefault(recipient, new DsnRequest(null, null));
    }
}
