package org.atrium.store.application;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/**
 * The outbound queue as administrators operate it (issue #4, #6): what is waiting, why, and when it is tried next;
 * retry now, delete (no notice to the sender), bounce (a DSN to the sender, RFC 3464). The REST API, the console and
 * the CLI all go through this service; each change also writes a tracking record.
 */
@Local
public interface QueueService {

    /**
     * Outbound entries, oldest first.
     *
     * @param state null for all, or one of {@link QueueEntryView.State}
     * @param offset rows to skip
     * @param limit at most this many
     */
    List<QueueEntryView> list(QueueEntryView.State state, int offset, int limit);

    Optional<QueueEntryView> entry(String queueId);

    /** Makes a deferred entry due now and wakes the delivery agent. @throws StoreException not found */
    QueueEntryView retryNow(String queueId);

    /** Removes an entry without telling the sender. @throws StoreException not found */
    void delete(String queueId);

    /** Gives up on an entry now: each recipient still pending fails with a DSN to the sender. @throws StoreException not found */
    void bounce(String queueId);

    /** Counts for the dashboard and the status endpoint. */
    QueueStats stats();
}
