package org.atrium.store.application;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;
import org.atrium.store.domain.BlobStore.BlobRef;

/**
 * Local delivery in two steps (ARCHITECTURE.md, "Durable hand-off"): {@link #accept} records a message whose blob is
 * already on disk, in one transaction with its queue entry; {@link #deliver} files it into each recipient's INBOX,
 * idempotently, whenever a wake-up (JMS, or the sweep) asks.
 */
@Local
public interface DeliveryService {

    /** Commits the content row and the inbound queue entry. The caller has fsync'ed the blob. */
    AcceptedMessage accept(IncomingMessage message, BlobRef blob, ContentSummary summary);

    /**
     * Files a queued message into its recipients' INBOXes. Safe to call any number of times, concurrently too: the queue
     * row is locked, and recipients already delivered are skipped.
     *
     * @return how many recipients were delivered by this call
     */
    int deliver(long inboundId);

    /** Queue entries not yet done, received before {@code before}, oldest first (for the sweep). */
    List<Long> queued(Instant before, int max);
}
