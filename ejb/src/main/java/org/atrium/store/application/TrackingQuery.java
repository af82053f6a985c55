package org.atrium.store.application;

import java.time.Instant;

/**
 * A tracking search; null fields do not restrict. Addresses and the message id match case-insensitively and
 * exactly; {@code queueId} exactly.
 *
 * @param outcome a {@code TrackingEvent.Kind} name such as DELIVERED or FAILED
 * @param limit at most this many (capped by the service)
 */
public record TrackingQuery(String sender, String recipient, String messageId, String queueId, Instant from,
        Instant to, String outcome, int offset, int limit) {
}
