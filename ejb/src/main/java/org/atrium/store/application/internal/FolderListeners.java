package org.atrium.store.application.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The listeners of folder changes, per folder id: a plain, thread-safe registry, so that it is testable without a
 * container. Each registration is its own handle (the same Runnable may watch twice); a failing listener is logged
 * and does not stop the others.
 */
final class FolderListeners {

    private static final Logger LOG = System.getLogger("org.atrium.store.notify");

    private final ConcurrentHashMap<Long, Set<Registration>> byFolder = new ConcurrentHashMap<>();

    AutoCloseable add(long folderId, Runnable listener) {
        Registration r = new Registration(folderId, listener);
        byFolder.compute(folderId, (id, set) -> {
            Set<Registration> s = set == null ? ConcurrentHashMap.newKeySet() : set;
            s.add(r);
            return s;
        });
        return r;
    }

    /** Runs the listeners of the folders on the executor, one task for the lot (they only post work). */
    void fire(Collection<Long> folderIds, Executor executor) {
        boolean any = folderIds.stream().anyMatch(byFolder::containsKey);
        if (!any) {
            return;
        }
        try {
            executor.execute(() -> folderIds.forEach(this::runNow));
        } catch (RejectedExecutionException e) {
            // Shutting down: sessions are closing too; a missed wake-up only delays an untagged update.
            LOG.log(Level.DEBUG, "notify: executor refused listeners: {0}", e.toString());
        }
    }

    private void runNow(long folderId) {
        Set<Registration> set = byFolder.get(folderId);
        if (set == null) {
            return;
        }
        for (Registration r : set) {
            try {
                r.listener.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "notify: a listener of folder " + folderId + " failed", e);
            }
        }
    }

    int count(long folderId) {
        Set<Registration> set = byFolder.get(folderId);
        return set == null ? 0 : set.size();
    }

    private final class Registration implements AutoCloseable {
        private final long folderId;
        private final Runnable listener;

        Registration(long folderId, Runnable listener) {
            this.folderId = folderId;
            this.listener = listener;
        }

        @Override
        public void close() {
            byFolder.computeIfPresent(folderId, (id, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
        }
    }
}
