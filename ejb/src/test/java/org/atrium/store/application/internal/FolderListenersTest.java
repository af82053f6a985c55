package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The registry behind the folder change notifier: per folder, per registration, failures isolated. */
class FolderListenersTest {

    private final FolderListeners listeners = new FolderListeners();
    private final List<Runnable> queued = new ArrayList<>();
    private final Executor queue = queued::add;

    @Test
    void listenersOfTheChangedFolderRunOnTheExecutorNotOnTheCaller() throws Exception {
        AtomicInteger a = new AtomicInteger();
        AtomicInteger b = new AtomicInteger();
        listeners.add(1, a::incrementAndGet);
        listeners.add(2, b::incrementAndGet);
        listeners.fire(List.of(1L), queue);
        assertEquals(0, a.get(), "nothing runs on the committing thread");
        assertEquals(1, queued.size());
        queued.forEach(Runnable::run);
        assertEquals(1, a.get());
        assertEquals(0, b.get(), "another folder's listener is not called");
    }

    @Test
    void eachRegistrationIsItsOwnHandle() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Runnable r = calls::incrementAndGet;
        AutoCloseable first = listeners.add(7, r);
        AutoCloseable second = listeners.add(7, r);
        listeners.fire(List.of(7L), Runnable::run);
        assertEquals(2, calls.get());
        first.close();
        first.close(); // closing twice is harmless
        listeners.fire(List.of(7L), Runnable::run);
        assertEquals(3, calls.get());
        second.close();
        assertEquals(0, listeners.count(7));
        listeners.fire(List.of(7L), queue);
        assertTrue(queued.isEmpty(), "no listener: no task at all");
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersNorARefusingExecutorTheCaller() {
        AtomicInteger calls = new AtomicInteger();
        listeners.add(3, () -> {
            throw new IllegalStateException("session gone");
        });
        listeners.add(3, calls::incrementAndGet);
        listeners.fire(List.of(3L), Runnable::run);
        assertEquals(1, calls.get());
        listeners.fire(List.of(3L), task -> {
            throw new RejectedExecutionException("shutting down");
        });
        assertEquals(1, calls.get());
    }
}
