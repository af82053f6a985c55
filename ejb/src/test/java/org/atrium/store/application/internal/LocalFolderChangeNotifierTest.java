package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changes are announced after commit only, once per folder and transaction, off the committing thread. */
class LocalFolderChangeNotifierTest {

    private final FakeTransactions tx = new FakeTransactions();
    private final List<Runnable> tasks = new ArrayList<>();
    private final List<Long> heard = new ArrayList<>();
    private LocalFolderChangeNotifier notifier;

    @BeforeEach
    void setUp() {
        notifier = new LocalFolderChangeNotifier();
        notifier.transactions = tx;
        notifier.executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        tasks.add((Runnable) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        notifier.watch(1, () -> heard.add(1L));
        notifier.watch(2, () -> heard.add(2L));
    }

    private void runTasks() {
        List<Runnable> now = List.copyOf(tasks);
        tasks.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void announcedAfterCommitOncePerFolder() {
        tx.begin();
        notifier.changed(1);
        notifier.changed(1);
        notifier.changed(2);
        runTasks();
        assertEquals(List.of(), heard, "nothing before the commit");
        tx.complete(Status.STATUS_COMMITTED);
        assertEquals(List.of(), heard, "not on the committing thread");
        runTasks();
        assertEquals(List.of(1L, 2L), heard);
    }

    @Test
    void aRollbackAnnouncesNothing() {
        tx.begin();
        notifier.changed(1);
        tx.complete(Status.STATUS_ROLLEDBACK);
        runTasks();
        assertEquals(List.of(), heard);

        tx.begin();
        tx.status = Status.STATUS_MARKED_ROLLBACK;
        notifier.changed(2);
        tx.complete(Status.STATUS_ROLLEDBACK);
        runTasks();
        assertEquals(List.of(), heard);
    }

    @Test
    void withoutATransactionAtOnce() throws Exception {
        notifier.changed(2);
        runTasks();
        assertEquals(List.of(2L), heard);
    }

    /** One transaction at a time, enough for the notifier's use of the registry. */
    static final class FakeTransactions implements TransactionSynchronizationRegistry {
        int status = Status.STATUS_NO_TRANSACTION;
        private final Map<Object, Object> resources = new HashMap<>();
        private final List<Synchronization> syncs = new ArrayList<>();

        void begin() {
            status = Status.STATUS_ACTIVE;
        }

        void complete(int outcome) {
            status = Status.STATUS_NO_TRANSACTION;
            resources.clear();
            List<Synchronization> done = List.copyOf(syncs);
            syncs.clear();
            done.forEach(s -> s.afterCompletion(outcome));
        }

        @Override
        public Object getTransactionKey() {
            return status == Status.STATUS_NO_TRANSACTION ? null : this;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            if (status != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("not active");
            }
            syncs.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }
    }
}
