package org.atrium.store.infrastructure.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.atrium.store.application.AcceptedMessage;
import org.atrium.store.application.ContentSummary;
import org.atrium.store.application.DeliveryService;
import org.atrium.store.application.IncomingMessage;
import org.atrium.store.application.PendingAcceptance;
import org.atrium.store.domain.BlobStore.BlobRef;
import org.atrium.store.infrastructure.messaging.jms.DeliveryWakeups;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** A store whose commit takes a while, so that concurrent callers pile up behind it. */
    static final class SlowStore implements DeliveryService {
        final AtomicInteger commits = new AtomicInteger();
        final AtomicLong ids = new AtomicLong();
        volatile boolean fail;

        @Override
        public List<AcceptedMessage> acceptAll(List<PendingAcceptance> pending) {
            commits.incrementAndGet();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (fail) {
                throw new IllegalStateException("database down");
            }
            List<AcceptedMessage> out = new ArrayList<>();
            for (PendingAcceptance p : pending) {
                long id = ids.incrementAndGet();
                out.add(new AcceptedMessage(id, "Q" + id + "-" + p.message().sessionId()));
            }
            return out;
        }

        @Override
        public int deliverAll(List<Long> inboundIds) {
            throw new AssertionError("not used");
        }

        @Override
        public void publicFolderFiled(long lockedFolderId) {
            throw new UnsupportedOperationException("not used by group commit");
        }

        @Override
        public List<Long> queued(Instant before, int max) {
            throw new AssertionError("not used");
        }
    }

    static final class RecordingWakeups extends DeliveryWakeups {
        final List<List<Long>> sent = Collections.synchronizedList(new ArrayList<>());
        volatile boolean fail;

        @Override
        public void wakeInbound(List<Long> inboundIds) {
            if (fail) {
                throw new IllegalStateException("broker down");
            }
            sent.add(List.copyOf(inboundIds));
        }
    }

    private static PendingAcceptance pending(String session) {
        return new PendingAcceptance(new IncomingMessage("a@example.org", List.of("b@atrium.test"), "127.0.0.1",
                "helo", null, session, Instant.now()), new BlobRef("0".repeat(64), 10),
                new ContentSummary(null, null, null, null, null, null, "{}"));
    }

    private static GroupCommit groupCommit(SlowStore store, RecordingWakeups wakeups) {
        GroupCommit gc = new GroupCommit();
        gc.delivery = store;
        gc.wakeups = wakeups;
        return gc;
    }

    @Test
    void concurrentCallersShareCommitsAndEachGetsItsOwnResult() throws Exception {
        SlowStore store = new SlowStore();
        RecordingWakeups wakeups = new RecordingWakeups();
        GroupCommit gc = groupCommit(store, wakeups);
        int n = 40;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<AcceptedMessage>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String session = "S" + i;
                results.add(pool.submit((Callable<AcceptedMessage>) () -> gc.commit(pending(session))));
            }
            Set<Long> ids = new HashSet<>();
            for (int i = 0; i < n; i++) {
                AcceptedMessage m = results.get(i).get();
                assertTrue(m.queueId().endsWith("-S" + i), "each caller gets the result of its own message");
                ids.add(m.id());
            }
            assertEquals(n, ids.size());
            assertTrue(store.commits.get() < n, "commits were shared: " + store.commits.get() + " for " + n);
            Set<Long> woken = new HashSet<>();
            wakeups.sent.forEach(woken::addAll);
            assertEquals(ids, woken, "every committed message is in exactly one wake-up");
            assertEquals(store.commits.get(), wakeups.sent.size(), "one wake-up per commit");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aFailedCommitFailsItsCallersAndTheNextOneWorks() {
        SlowStore store = new SlowStore();
        RecordingWakeups wakeups = new RecordingWakeups();
        GroupCommit gc = groupCommit(store, wakeups);
        store.fail = true;
        assertThrows(IllegalStateException.class, () -> gc.commit(pending("S1")));
        assertTrue(wakeups.sent.isEmpty(), "nothing committed, nothing woken");
        store.fail = false;
        assertEquals(1, gc.commit(pending("S2")).id());
    }

    @Test
    void aLostWakeUpDoesNotFailTheCommit() {
        SlowStore store = new SlowStore();
        RecordingWakeups wakeups = new RecordingWakeups();
        wakeups.fail = true;
        GroupCommit gc = groupCommit(store, wakeups);
        assertEquals(1, gc.commit(pending("S1")).id(), "committed: the sweep delivers it later");
    }
}
