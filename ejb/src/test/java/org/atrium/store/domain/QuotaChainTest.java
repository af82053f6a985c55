package org.atrium.store.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The quota chain account, domain, server default and the warning level (issue #6). */
class QuotaChainTest {

    @Test
    void eachResourceFallsBackOnItsOwn() {
        assertEquals(new Quota(100, 7), Quota.effective(100L, 7L, 2000L, 20L, 5000L), "the account's own wins");
        assertEquals(new Quota(2000, 7), Quota.effective(null, 7L, 2000L, 20L, 5000L), "storage from the domain");
        assertEquals(new Quota(100, 20), Quota.effective(100L, null, 2000L, 20L, 5000L), "count from the domain");
        assertEquals(new Quota(5000, Quota.NONE), Quota.effective(null, null, null, null, 5000L),
                "the server default only for storage");
        assertEquals(new Quota(Quota.NONE, Quota.NONE), Quota.effective(null, null, null, null, null));
        assertEquals(new Quota(0, 0), Quota.effective(null, null, 0L, 0L, 5000L), "a domain limit of 0 is a limit");
        assertEquals(Quota.effective(null, 3L, 5000L), Quota.effective(null, 3L, null, null, 5000L),
                "the three-argument form is the chain without a domain");
    }

    @Test
    void warningPercentFallsBackToTheDomainThenNinety() {
        assertEquals(50, Quota.effectiveWarnPercent(50, 80));
        assertEquals(80, Quota.effectiveWarnPercent(null, 80));
        assertEquals(90, Quota.effectiveWarnPercent(null, null));
    }

    @Test
    void overWarningAtThePercentOfAnyLimitedResource() {
        Quota q = new Quota(1000, 10);
        assertFalse(q.overWarning(899, 8, 90));
        assertTrue(q.overWarning(900, 0, 90), "storage at 90% of 1000");
        assertTrue(q.overWarning(0, 9, 90), "message count at 90% of 10");
        assertFalse(q.overWarning(0, 0, 100));
        assertTrue(q.overWarning(1000, 0, 100), "100%: at the limit");
        Quota odd = new Quota(1001, Quota.NONE);
        assertFalse(odd.overWarning(900, 1_000_000, 90), "the level rounds up (900.9 -> 901); no count limit");
        assertTrue(odd.overWarning(901, 0, 90));
        assertFalse(new Quota(Quota.NONE, Quota.NONE).overWarning(Long.MAX_VALUE, Long.MAX_VALUE, 1));
        Quota huge = new Quota(Long.MAX_VALUE, Quota.NONE);
        assertFalse(huge.overWarning(Long.MAX_VALUE / 2, 0, 90), "no overflow near Long.MAX_VALUE");
        assertTrue(huge.overWarning(Long.MAX_VALUE - Long.MAX_VALUE / 20, 0, 90));
    }

    @Test
    void limitsAreCheckedNamingTheField() {
        Quota.checkLimits(null, null, null);
        Quota.checkLimits(0L, 0L, 1);
        Quota.checkLimits(1L, 1L, 100);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Quota.checkLimits(-1L, null, null))
                .getMessage().startsWith("bytes:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Quota.checkLimits(null, -1L, null))
                .getMessage().startsWith("messages:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Quota.checkLimits(null, null, 0))
                .getMessage().startsWith("warnPercent:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Quota.checkLimits(null, null, 101))
                .getMessage().startsWith("warnPercent:"));
    }

    @Test
    void domainAndAccountKeepTheirValuesAndClearWithNull() {
        Domain d = new Domain("quota.test", Instant.EPOCH);
        d.setQuota(1000L, null, 75);
        assertEquals(1000L, d.getQuotaBytes());
        assertNull(d.getQuotaMessages());
        assertEquals(75, d.getQuotaWarnPercent());
        assertThrows(IllegalArgumentException.class, () -> d.setQuota(null, null, 0));
        assertEquals(75, d.getQuotaWarnPercent(), "a refused change changes nothing");
        Account a = new Account(d, MailAddress.parse("u@quota.test"), null, false, Instant.EPOCH);
        a.setQuota(10L, 2L, 50);
        a.setQuota(null, 3L);
        assertNull(a.getQuotaBytes());
        assertEquals(3L, a.getQuotaMessages());
        assertEquals(50, a.getQuotaWarnPercent(), "the two-argument form keeps the warning level");
        a.setQuota(null, null, null);
        assertNull(a.getQuotaWarnPercent());
    }
}
