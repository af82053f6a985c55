package org.atrium.connector.host;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs one connection's tasks one at a time, in order, on a shared executor: a session is single-threaded without
 * holding a thread while its client is idle. Thousands of idle connections cost a queue each, not a thread.
 */
final class SerialExecutor implements Executor {

    private static final Logger LOG = System.getLogger("org.atrium.connector.host");

    private final Executor pool;
    private final Runnable onFailure;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    /**
     * @param onFailure runs (on the pool) when a task throws: the connection is then closed, since the session state
     *        can no longer be trusted
     */
    SerialExecutor(Executor pool, Runnable onFailure) {
        this.pool = pool;
        this.onFailure = onFailure;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        pool.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.ERROR, "connector: session task failed; closing the connection", e);
                synchronized (tasks) {
                    tasks.clear();
                }
                onFailure.run();
            }
        }
    }
}
