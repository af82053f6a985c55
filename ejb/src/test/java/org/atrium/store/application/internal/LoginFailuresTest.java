package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LoginFailuresTest {

    /** A clock the test moves. */
    private static final class Manual extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void failuresAreCountedPerLoginWhateverItsCase() {
        LoginFailures f = new LoginFailures(new Manual());
        assertEquals(1, f.failed("alice@example.org"));
        assertEquals(2, f.failed(" ALICE@example.org"));
        assertEquals(1, f.failed("bob@example.org"));
        assertEquals(3, f.failed("alice@example.org"));
    }

    @Test
    void delayDoublesUpToTheCap() {
        assertEquals(Duration.ZERO, LoginFailures.delay(0));
        assertEquals(Duration.ofSeconds(1), LoginFailures.delay(1));
        assertEquals(Duration.ofSeconds(2), LoginFailures.delay(2));
        assertEquals(Duration.ofSeconds(4), LoginFailures.delay(3));
        assertEquals(LoginFailures.MAX_DELAY, LoginFailures.delay(40));
    }

    @Test
    void successOrAQuietWindowForgets() {
        Manual clock = new Manual();
        LoginFailures f = new LoginFailures(clock);
        f.failed("a@example.org");
        f.failed("a@example.org");
        f.succeeded("A@example.org");
        assertEquals(1, f.failed("a@example.org"));
        clock.now = clock.now.plus(LoginFailures.WINDOW).plusSeconds(1);
        assertEquals(1, f.failed("a@example.org"));
    }

    @Test
    void memoryStaysBounded() {
        Manual clock = new Manual();
        LoginFailures f = new LoginFailures(clock);
        for (int i = 0; i < LoginFailures.MAX_ENTRIES; i++) {
            f.failed("u" + i + "@example.org");
        }
        clock.now = clock.now.plus(LoginFailures.WINDOW).plusSeconds(1);
        f.failed("late@example.org");
        assertEquals(2, f.failed("late@example.org"));
        assertEquals(1, f.failed("u1@example.org"));
    }
}
