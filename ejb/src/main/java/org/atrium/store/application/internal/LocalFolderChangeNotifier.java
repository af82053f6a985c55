package org.atrium.store.application.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.atrium.store.application.FolderChangeNotifier;

/**
 * {@link FolderChangeNotifier} within one node. Changes are collected per transaction (one set of folder ids kept as
 * a transaction resource) and announced by an interposed synchronization after the commit, so a listener that
 * reads the folder sees the change; a rolled-back transaction announces nothing. Listeners run on the managed
 * executor, never on the committing thread, which may be an SMTP delivery holding other work.
 */
@ApplicationScoped
public class LocalFolderChangeNotifier implements FolderChangeNotifier {

    private static final Object KEY = LocalFolderChangeNotifier.class;

    // Server-wide names: a CDI bean of an EJB jar has no java:comp of its own to look the defaults up in.
    @Resource(lookup = "java:jboss/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    ManagedExecutorService executor;

    private final FolderListeners listeners = new FolderListeners();

    @Override
    public void changed(long folderId) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            listeners.fire(List.of(folderId), executor);
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            return; // marked for rollback or completing: nothing of it will be committed to announce
        }
        @SuppressWarnings("unchecked")
        Set<Long> pending = (Set<Long>) transactions.getResource(KEY);
        if (pending == null) {
            Set<Long> ids = new TreeSet<>();
            transactions.putResource(KEY, ids);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // Announced only once the outcome is known.
                }

                @Override
                public void afterCompletion(int outcome) {
                    if (outcome == Status.STATUS_COMMITTED) {
                        listeners.fire(List.copyOf(ids), executor);
                    }
                }
            });
            pending = ids;
        }
        pending.add(folderId);
    }

    @Override
    public AutoCloseable watch(long folderId, Runnable listener) {
        return listeners.add(folderId, listener);
    }
}
