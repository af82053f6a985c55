package org.atrium.connector.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The shared limiters: connections per address and messages per sender per minute. */
class SmtpGuardsTest {

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2024-01-02T03:04:05Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
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
    void connectionsPerAddress() {
        ConnectionLimiter limiter = new ConnectionLimiter(2);
        assertTrue(limiter.acquire("192.0.2.1"));
        assertTrue(limiter.acquire("192.0.2.1"));
        assertFalse(limiter.acquire("192.0.2.1"), "third connection over the limit");
        assertTrue(limiter.acquire("192.0.2.2"), "other addresses are counted apart");
        assertEquals(2, limiter.openFrom("192.0.2.1"));
        limiter.release("192.0.2.1");
        assertTrue(limiter.acquire("192.0.2.1"), "a slot given back is free again");
        limiter.release("192.0.2.1");
        limiter.release("192.0.2.1");
        limiter.release("192.0.2.2");
        assertEquals(0, limiter.trackedAddresses(), "no entry is kept for an address without connections");
        limiter.release("192.0.2.9");
        assertEquals(0, limiter.openFrom("192.0.2.9"));
    }

    @Test
    void zeroMeansNoConnectionLimit() {
        ConnectionLimiter limiter = new ConnectionLimiter(0);
        for (int i = 0; i < 1000; i++) {
            assertTrue(limiter.acquire("192.0.2.1"));
        }
    }

    @Test
    void messagesPerSenderPerMinute() {
        MovingClock clock = new MovingClock();
        SenderRateLimiter limiter = new SenderRateLimiter(3, clock);
        assertTrue(limiter.tryAcquire("a@example.org"));
        assertTrue(limiter.tryAcquire("A@example.org"));
        assertTrue(limiter.tryAcquire("a@example.org"));
        assertFalse(limiter.tryAcquire("a@EXAMPLE.org"), "fourth in the minute, case-insensitively the same sender");
        assertTrue(limiter.tryAcquire("b@example.org"));
        clock.now = clock.now.plusSeconds(59);
        assertFalse(limiter.tryAcquire("a@example.org"));
        clock.now = clock.now.plusSeconds(1);
        assertTrue(limiter.tryAcquire("a@example.org"), "a new minute");
    }

    @Test
    void idleSendersAreEvicted() {
        MovingClock clock = new MovingClock();
        SenderRateLimiter limiter = new SenderRateLimiter(10, clock);
        for (int i = 0; i <= SenderRateLimiter.SWEEP_THRESHOLD; i++) {
            limiter.tryAcquire("s" + i + "@example.org");
        }
        assertEquals(SenderRateLimiter.SWEEP_THRESHOLD + 1, limiter.trackedIdentities());
        clock.now = clock.now.plusSeconds(61);
        limiter.tryAcquire("new@example.org");
        assertEquals(1, limiter.trackedIdentities(), "ended windows are dropped once the map is large");
    }

    @Test
    void zeroMeansNoRateLimit() {
        SenderRateLimiter limiter = new SenderRateLimiter(0, new MovingClock());
        for (int i = 0; i < 1000; i++) {
            assertTrue(limiter.tryAcquire("a@example.org"));
        }
        assertEquals(0, limiter.trackedIdentities());
    }
}
