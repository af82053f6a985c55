package org.atrium.store.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per login name (the address a client tried) and says how long to make the client wait, so
 * password guessing against one account slows down however many connections the guesser opens (issue #3:
 * "failed logins delayed and counted per address").
 *
 * <p>The n-th failure within {@link #WINDOW} of the previous one waits {@code 2^(n-1)} seconds, at most
 * {@link #MAX_DELAY}; a successful login, or a quiet window, forgets the count. Keyed by login rather than by client IP
 * on purpose: many users share one NAT address (and every test shares loopback), while an attacker rotating addresses
 * still hits the same account. Memory is bounded: past {@link #MAX_ENTRIES} names, stale entries are dropped first,
 * then all.
 *
 * <p>The caller sleeps outside any transaction (the adapters run NOT_SUPPORTED), so a slowed client holds a worker
 * thread, never a database connection.
 */
@ApplicationScoped
public class LoginFailures {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_DELAY = Duration.ofSeconds(4);
    static final int MAX_ENTRIES = 10_000;

    private record Count(int failures, Instant last) {
    }

    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginFailures() {
        this(Clock.systemUTC());
    }

    LoginFailures(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records a failed login.
     *
     * @return the failures counted for this login within the window, this one included
     */
    public int failed(String login) {
        Instant now = clock.instant();
        if (counts.size() >= MAX_ENTRIES) {
            counts.values().removeIf(c -> c.last().plus(WINDOW).isBefore(now));
            if (counts.size() >= MAX_ENTRIES) {
                counts.clear();
            }
        }
        return counts.merge(key(login), new Count(1, now), (old, one) -> old.last().plus(WINDOW).isBefore(now)
                ? one : new Count(old.failures() + 1, now)).failures();
    }

    /** A successful login forgets the failures. */
    public void succeeded(String login) {
        counts.remove(key(login));
    }

    /** How long to wait before answering the n-th failure. */
    public static Duration delay(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        long seconds = 1L << Math.min(failures - 1, 10);
        Duration d = Duration.ofSeconds(seconds);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    /** Counts a failure and sleeps for its delay (on the caller's worker thread, outside any transaction). */
    public void failAndWait(String login) {
        Duration d = delay(failed(login));
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String key(String login) {
        return login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
    }
}
