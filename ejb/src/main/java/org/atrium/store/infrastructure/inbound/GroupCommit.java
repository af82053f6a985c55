package org.atrium.store.infrastructure.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.atrium.store.application.AcceptedMessage;
import org.atrium.store.application.DeliveryService;
import org.atrium.store.application.PendingAcceptance;
import org.atrium.store.infrastructure.messaging.jms.DeliveryWakeups;

/**
 * Group commit of accepted messages: SMTP sessions that finish DATA at about the same time share one database
 * transaction and one JMS wake-up, instead of one each — the way high-volume MTAs amortise their commits.
 *
 * <p>Combining without a thread of its own: a caller queues its message, then whichever caller finds the commit lock
 * free takes everything queued (up to {@link #MAX_BATCH}), commits it, completes every waiter, and sends one wake-up
 * for the batch. Each caller returns only once its own message is committed, so the SMTP 250 stays a kept promise
 * (RFC 5321 §6.1). A failed batch fails every message in it (the clients get 451 and retry); nothing is half done.
 * A lost wake-up only delays delivery until the sweep.
 */
@ApplicationScoped
public class GroupCommit {

    static final int MAX_BATCH = 64;
    private static final Logger LOG = System.getLogger("org.atrium.store.intake");

    private record Waiter(PendingAcceptance pending, CompletableFuture<AcceptedMessage> result) {
    }

    private final ConcurrentLinkedQueue<Waiter> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock committing = new ReentrantLock();

    @Inject
    DeliveryService delivery;

    @Inject
    DeliveryWakeups wakeups;

    /** Commits the message (with others queued at the same time) and returns once it is committed. */
    public AcceptedMessage commit(PendingAcceptance pending) {
        Waiter me = new Waiter(pending, new CompletableFuture<>());
        queue.add(me);
        while (true) {
            if (committing.tryLock()) {
                try {
                    if (!me.result().isDone()) {
                        commitQueued();
                    }
                } finally {
                    committing.unlock();
                }
            }
            try {
                // Another caller may be committing a batch that includes this message: wait for it briefly,
                // then try to take the lock again (new arrivals may need a committer).
                return me.result().get(2, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // not yet: loop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while committing", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
        }
    }

    private void commitQueued() {
        List<Waiter> batch = new ArrayList<>();
        Waiter w;
        while (batch.size() < MAX_BATCH && (w = queue.poll()) != null) {
            batch.add(w);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<AcceptedMessage> accepted;
        try {
            accepted = delivery.acceptAll(batch.stream().map(Waiter::pending).toList());
        } catch (RuntimeException e) {
            batch.forEach(x -> x.result().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(accepted.get(i));
        }
        try {
            wakeups.wakeInbound(accepted.stream().map(AcceptedMessage::id).toList());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "intake: {0} message(s) committed but the wake-up failed ({1}); the sweep will "
                    + "deliver them", accepted.size(), e.toString());
        }
    }
}
