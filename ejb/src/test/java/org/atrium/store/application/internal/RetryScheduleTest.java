package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void durationsTakeSecondsMinutesHoursAndDays() {
        assertEquals(Duration.ofSeconds(30), RetrySchedule.duration("30s"));
        assertEquals(Duration.ofMinutes(5), RetrySchedule.duration("5m"));
        assertEquals(Duration.ofHours(1), RetrySchedule.duration(" 1H "));
        assertEquals(Duration.ofDays(2), RetrySchedule.duration("2d"));
        assertEquals(Duration.ofSeconds(45), RetrySchedule.duration("45"), "no unit: seconds");
        assertEquals(Duration.ZERO, RetrySchedule.duration("0"));
        for (String bad : new String[] {"", "m", "5w", "-5m", "five", "1.5h"}) {
            assertThrows(IllegalArgumentException.class, () -> RetrySchedule.duration(bad), bad);
        }
    }

    @Test
    void theDefaultScheduleParses() {
        RetrySchedule s = RetrySchedule.parse(RetrySchedule.DEFAULT_SCHEDULE);
        assertEquals(List.of(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30),
                Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4)), s.intervals());
        assertEquals(Duration.ofDays(5), RetrySchedule.duration(RetrySchedule.DEFAULT_LIFETIME));
    }

    @Test
    void theNthFailureWaitsTheNthIntervalAndTheLastRepeats() {
        RetrySchedule s = RetrySchedule.parse("2s, 10s,1m");
        assertEquals(Duration.ofSeconds(2), s.after(1));
        assertEquals(Duration.ofSeconds(10), s.after(2));
        assertEquals(Duration.ofMinutes(1), s.after(3));
        assertEquals(Duration.ofMinutes(1), s.after(4));
        assertEquals(Duration.ofMinutes(1), s.after(400));
        assertEquals(Duration.ofSeconds(2), s.after(0), "before any failure: the first interval");
    }

    @Test
    void theNextAttemptNeverLiesBeyondTheExpiry() {
        RetrySchedule s = RetrySchedule.parse("5m,1h");
        Instant expires = T0.plus(Duration.ofMinutes(30));
        assertEquals(T0.plusSeconds(300), s.next(T0, 1, expires));
        assertEquals(expires, s.next(T0, 2, expires), "an hour later is after the expiry: the last try is at it");
        assertEquals(expires, s.next(expires, 3, expires));
    }

    @Test
    void aScheduleNeedsPositiveIntervals() {
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse(""));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("5m,0"));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("5m,x"));
    }

    @Test
    void settingsFallBackToTheDefaultWhenMalformed() {
        String key = "atrium.queue.retry-schedule";
        String old = System.getProperty(key);
        try {
            System.setProperty(key, "2s,4s");
            assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)),
                    RetrySchedule.fromSettings().intervals());
            System.setProperty(key, "soon");
            assertEquals(RetrySchedule.parse(RetrySchedule.DEFAULT_SCHEDULE), RetrySchedule.fromSettings());
            System.setProperty("atrium.queue.delay-warning", "0");
            assertEquals(Duration.ZERO, RetrySchedule.setting("atrium.queue.delay-warning", "4h"));
        } finally {
            if (old == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, old);
            }
            System.clearProperty("atrium.queue.delay-warning");
        }
    }
}
