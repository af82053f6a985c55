package org.atrium.store.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The claim and lease rules of an outbound entry (ADR 0010). */
class OutboundQueueRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(15);

    private static OutboundMessage entry() {
        MessageContent content = new MessageContent("a".repeat(64), 10, "{}", 1, T0);
        OutboundMessage m = new OutboundMessage("Q1", content, "a@atrium.test", "example.org", null, null, T0,
                T0.plus(Duration.ofDays(5)), T0.plusSeconds(60), null, "IN1");
        m.addRecipient("b@example.org", null, null);
        return m;
    }

    @Test
    void aQueuedEntryIsClaimedOnceAndCountsTheAttempt() {
        OutboundMessage m = entry();
        assertTrue(m.claim(T0, T0.plus(LEASE)));
        assertEquals(OutboundMessage.State.SENDING, m.getState());
        assertEquals(1, m.getAttempts());
        assertTrue(m.heldBy(1));
        assertFalse(m.claim(T0.plusSeconds(1), T0.plus(LEASE)), "a second consumer does not send it again");
        assertEquals(1, m.getAttempts());
    }

    @Test
    void aDeferredEntryIsClaimedOnlyWhenDue() {
        OutboundMessage m = entry();
        m.claim(T0, T0.plus(LEASE));
        m.defer(T0.plusSeconds(300), "451 4.4.1 try later");
        assertFalse(m.claim(T0.plusSeconds(299), T0.plus(LEASE)), "a stale wake-up before the retry time");
        assertTrue(m.claim(T0.plusSeconds(300), T0.plusSeconds(300).plus(LEASE)));
        assertEquals(2, m.getAttempts());
        assertEquals("451 4.4.1 try later", m.getLastReply());
    }

    @Test
    void aSendingEntryWhoseAttemptDiedIsTakenOverAfterTheLease() {
        OutboundMessage m = entry();
        m.claim(T0, T0.plus(LEASE));
        assertFalse(m.claim(T0.plus(LEASE).minusSeconds(1), T0.plus(LEASE.multipliedBy(2))));
        assertTrue(m.claim(T0.plus(LEASE), T0.plus(LEASE.multipliedBy(2))));
        assertFalse(m.heldBy(1), "the dead attempt's late result is not recorded");
        assertTrue(m.heldBy(2));
    }

    @Test
    void retryNowMakesItDueAtOnce() {
        OutboundMessage m = entry();
        m.claim(T0, T0.plus(LEASE));
        m.defer(T0.plus(Duration.ofHours(4)), "451 later");
        m.queue(T0.plusSeconds(60));
        assertEquals(OutboundMessage.State.QUEUED, m.getState());
        assertTrue(m.claim(T0.plusSeconds(1), T0.plus(LEASE)));
    }

    @Test
    void recipientsSettleOnce() {
        OutboundMessage m = entry();
        OutboundRecipient r = m.getRecipients().get(0);
        r.deferred("451 later");
        assertTrue(r.isPending());
        assertTrue(m.hasPending());
        r.relayed("250 ok");
        assertFalse(m.hasPending());
        assertThrows(IllegalStateException.class, () -> r.failed("550 no"));
        r.deferred("451 again");
        assertEquals("250 ok", r.getReply(), "a settled recipient keeps its reply");
    }
}
