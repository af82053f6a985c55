package org.atrium.store.application;

import java.time.Instant;

/**
 * The outbound queue in numbers.
 *
 * @param entries entries in the queue
 * @param recipients recipients pending in them
 * @param deferred entries waiting for a retry
 * @param oldest when the oldest entry was received, null for an empty queue
 */
public record QueueStats(long entries, long recipients, long deferred, Instant oldest) {
}
