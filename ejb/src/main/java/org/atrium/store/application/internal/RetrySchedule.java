package org.atrium.store.application.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atrium.store.application.Settings;

/**
 * When the outbound queue tries a deferred entry again (RFC 5321 §4.5.4.1: retry at intervals, give up after days):
 * the n-th temporary failure waits the n-th interval, the last interval repeats, and no attempt is planned after the
 * entry expires (its last one is at the expiry instant).
 *
 * @param intervals at least one, each positive
 */
record RetrySchedule(List<Duration> intervals) {

    static final String DEFAULT_SCHEDULE = "5m,10m,30m,1h,2h,4h";
    static final String DEFAULT_LIFETIME = "5d";
    static final String DEFAULT_DELAY_WARNING = "4h";

    RetrySchedule {
        intervals = List.copyOf(intervals);
        if (intervals.isEmpty() || intervals.stream().anyMatch(d -> d.isZero() || d.isNegative())) {
            throw new IllegalArgumentException("a retry schedule needs positive intervals: " + intervals);
        }
    }

    /** {@code atrium.queue.retry-schedule}, e.g. {@code 5m,10m,30m,1h,2h,4h}. */
    static RetrySchedule parse(String list) {
        List<Duration> d = new ArrayList<>();
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                d.add(duration(part));
            }
        }
        return new RetrySchedule(d);
    }

    /**
     * A duration as the settings write it: a number followed by {@code s}, {@code m}, {@code h} or {@code d}
     * (seconds when there is no unit); {@code 0} is zero.
     *
     * @throws IllegalArgumentException not a duration
     */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        char unit = t.charAt(t.length() - 1);
        String digits = Character.isDigit(unit) ? t : t.substring(0, t.length() - 1).trim();
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: " + text, e);
        }
        if (n < 0) {
            throw new IllegalArgumentException("negative duration: " + text);
        }
        return switch (unit) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> {
                if (!Character.isDigit(unit)) {
                    throw new IllegalArgumentException("unknown unit in duration: " + text);
                }
                yield Duration.ofSeconds(n);
            }
        };
    }

    /** The wait after the {@code failures}-th temporary failure (1 for the first); the last interval repeats. */
    Duration after(int failures) {
        return intervals.get(Math.max(0, Math.min(failures, intervals.size()) - 1));
    }

    /** The next attempt after the {@code failures}-th failure at {@code now}, never after {@code expiresAt}. */
    Instant next(Instant now, int failures, Instant expiresAt) {
        Instant next = now.plus(after(failures));
        return next.isAfter(expiresAt) ? expiresAt : next;
    }

    /** The schedule the settings give, the default when the setting is not a schedule. */
    static RetrySchedule fromSettings() {
        try {
            return parse(Settings.get("atrium.queue.retry-schedule", DEFAULT_SCHEDULE));
        } catch (IllegalArgumentException e) {
            System.getLogger("org.atrium.store.outbound").log(System.Logger.Level.WARNING,
                    "outbound: atrium.queue.retry-schedule ignored ({0}), using {1}", e.getMessage(), DEFAULT_SCHEDULE);
            return parse(DEFAULT_SCHEDULE);
        }
    }

    /** A duration setting; its default when unset or not a duration. */
    static Duration setting(String key, String fallback) {
        try {
            return duration(Settings.get(key, fallback));
        } catch (IllegalArgumentException e) {
            System.getLogger("org.atrium.store.outbound").log(System.Logger.Level.WARNING,
                    "outbound: {0} ignored ({1}), using {2}", key, e.getMessage(), fallback);
            return duration(fallback);
        }
    }
}
