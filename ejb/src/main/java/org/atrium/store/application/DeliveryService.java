package org.atrium.store.application;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;

/**
 * Local delivery in two steps (ARCHITECTURE.md, "Durable hand-off"): {@link #acceptAll} records messages whose blobs
 * are already on disk, in one transaction with their queue entries; {@link #deliverAll} files them into each
 * recipient's INBOX, idempotently, whenever a wake-up (JMS, or the sweep) asks. Both take several messages at once so
 * that concurrent SMTP sessions share a commit (group commit) and a delivery transaction files a whole batch.
 */
@Local
public interface DeliveryService {

    /**
     * Commits the content rows and inbound queue entries of several messages in one transaction. The caller has
     * fsync'ed their blobs.
     *
     * @return one accepted message per pending one, in the same order
     */
    List<AcceptedMessage> acceptAll(List<PendingAcceptance> pending);

    /**
     * Files queued messages into their recipients' INBOXes (or, for the address of a mail-enabled public folder, into
     * that folder, ADR 0006) in one transaction; recipients in other domains go to the outbound queue in the same
     * transaction, and failures (and successes the sender asked for) are reported with a DSN (ADR 0010). Safe to call any number of times,
     * concurrently too: queue rows, then folder rows are locked in ascending id order (so concurrent batches cannot
     * deadlock), and recipients already delivered are skipped; ids already done are ignored.
     *
     * @return how many recipients were delivered by this call
     */
    int deliverAll(List<Long> inboundIds);

    /**
     * After messages were filed into a public folder by other means than delivery (IMAP APPEND, COPY, MOVE), in the
     * caller's transaction with the folder row locked: warns the folder's owners once when usage reached the warning
     * level, or clears the warning when it is below again (ADR 0006). Does nothing for a private folder.
     */
    void publicFolderFiled(long lockedFolderId);

    /** Queue entries not yet done, received before {@code before}, oldest first (for the sweep). */
    List<Long> queued(Instant before, int max);
}
