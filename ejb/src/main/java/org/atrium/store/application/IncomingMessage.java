package org.atrium.store.application;

import java.time.Instant;
import java.util.List;

/**
 * A message handed to the store for local delivery, whatever protocol brought it.
 *
 * @param reversePath the envelope sender, "" for the null sender
 * @param recipients canonical local mailbox addresses
 */
public record IncomingMessage(String reversePath, List<String> recipients, String clientIp, String helo,
        String authenticatedUser, String sessionId, Instant receivedAt) {

    public IncomingMessage {
        recipients = List.copyOf(recipients);
    }
}
