package org.atrium.connector.smtp;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages per sender identity per minute, shared by all SMTP sessions: a fixed one-minute window per key, counting
 * the transactions started (MAIL accepted). Over the limit MAIL gets {@code 450 4.7.1} (RFC 5321 §4.2.2 transient,
 * RFC 3463 §3.8 X.7.1 "delivery not authorized"), so a well-behaved client retries later and nothing is lost.
 *
 * <p>Memory is bounded: a window that has ended is worth nothing, so once the map holds more than
 * {@link #SWEEP_THRESHOLD} keys every ended window is evicted (at most once per window length), and the count of keys
 * can only grow with senders active in the last minute. Thread-safe.
 */
public final class SenderRateLimiter {

    static final long WINDOW_MILLIS = 60_000;
    static final int SWEEP_THRESHOLD = 10_000;

    private record Window(long start, int count) {
    }

    private final int maxPerMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    /** @param maxPerMinute messages allowed per identity per minute; 0 or less turns the limit off */
    public SenderRateLimiter(int maxPerMinute, Clock clock) {
        this.maxPerMinute = maxPerMinute;
        this.clock = clock;
    }

    /** Counts one message for {@code identity} (case-insensitive); false, and nothing counted, when over the limit. */
    public boolean tryAcquire(String identity) {
        if (maxPerMinute <= 0) {
            return true;
        }
        long now = clock.millis();
        sweep(now);
        boolean[] allowed = {false};
        windows.compute(identity.toLowerCase(java.util.Locale.ROOT), (k, w) -> {
            if (w == null || now - w.start() >= WINDOW_MILLIS) {
                allowed[0] = true;
                return new Window(now, 1);
            }
            if (w.count() >= maxPerMinute) {
                return w;
            }
            allowed[0] = true;
            return new Window(w.start(), w.count() + 1);
        });
        return allowed[0];
    }

    private void sweep(long now) {
        if (windows.size() > SWEEP_THRESHOLD && now - lastSweep >= WINDOW_MILLIS) {
            lastSweep = now;
            windows.values().removeIf(w -> now - w.start() >= WINDOW_MILLIS);
        }
    }

    /** Identities with a window held (for tests and diagnostics). */
    int trackedIdentities() {
        return windows.size();
    }
}
