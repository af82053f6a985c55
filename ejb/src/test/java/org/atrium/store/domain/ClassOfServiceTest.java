package org.atrium.store.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.atrium.store.domain.QuotaChain.Source;
import org.junit.jupiter.api.Test;

/** Classes of service (ADR 0016): names, the protocol decision, validation, and their place in the quota chain. */
class ClassOfServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void namesAreLowerCaseAndRestricted() {
        assertEquals("imap-only", new ClassOfService("  IMAP-Only ", NOW).getName());
        assertEquals("a.b_c-1", ClassOfService.normalizeName("a.b_c-1"));
        assertEquals("x".repeat(64), ClassOfService.normalizeName("x".repeat(64)));
        for (String bad : new String[] {null, "", " ", "-lead", "with space", "slash/name", "x".repeat(65), "é"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ClassOfService.normalizeName(bad), String.valueOf(bad));
            assertTrue(e.getMessage().startsWith("name: "), e.getMessage());
        }
    }

    @Test
    void aNewProfileAllowsEverythingAndSetsNoQuota() {
        ClassOfService c = new ClassOfService("standard", NOW);
        assertTrue(c.allows("imap") && c.allows("pop3") && c.allows("smtp"));
        assertNull(c.getQuotaBytes());
        assertNull(c.getQuotaMessages());
        assertNull(c.getQuotaWarnPercent());
    }

    @Test
    void eachProtocolIsDecidedOnItsOwn() {
        ClassOfService c = new ClassOfService("imap-only", NOW);
        c.setProtocols(true, false, false);
        assertTrue(c.allows(ClassOfService.IMAP));
        assertTrue(c.allows("IMAP"), "case-insensitive");
        assertFalse(c.allows(ClassOfService.POP3));
        assertFalse(c.allows(ClassOfService.SUBMISSION));
        assertFalse(c.allows("submission"));
        assertTrue(c.allows("http"), "the administration API is not the profile's to rule on");
        assertTrue(c.allows("ldap"));
        assertTrue(c.allows(null));
        c.setProtocols(false, true, false);
        assertFalse(c.allows("imap"));
        assertTrue(c.allows("pop3"));
        c.setProtocols(false, false, true);
        assertTrue(c.allows("smtp"));
        assertFalse(c.allows("pop3"));
    }

    @Test
    void invalidValuesNameTheirField() {
        ClassOfService c = new ClassOfService("p", NOW);
        assertEquals("quotaBytes", field(() -> c.setQuota(-1L, null, null)));
        assertEquals("quotaMessages", field(() -> c.setQuota(null, -5L, null)));
        assertEquals("quotaWarnPercent", field(() -> c.setQuota(null, null, 0)));
        assertEquals("quotaWarnPercent", field(() -> c.setQuota(null, null, 101)));
        assertEquals("description", field(() -> c.setDescription("d".repeat(256))));
        assertNull(c.getQuotaBytes(), "a refused change leaves the profile as it was");
        c.setQuota(0L, 10L, 100);
        assertEquals(0L, c.getQuotaBytes());
        c.setDescription("  ");
        assertNull(c.getDescription());
    }

    private static String field(Runnable r) {
        String m = assertThrows(IllegalArgumentException.class, r::run).getMessage();
        return m.substring(0, m.indexOf(':'));
    }

    @Test
    void theProfileSitsBetweenTheAccountAndTheDomainForEachFieldOnItsOwn() {
        QuotaChain chain = QuotaChain.of(null, 7L, null, 1_048_576L, null, 75, 2000L, 20L, 80, 5000L);
        assertEquals(new Quota(1_048_576, 7), chain.limits());
        assertEquals(Source.CLASS_OF_SERVICE, chain.bytes().source());
        assertEquals(Source.ACCOUNT, chain.messages().source());
        assertEquals(75, chain.effectiveWarnPercent());
        assertEquals(Source.CLASS_OF_SERVICE, chain.warnPercent().source());

        QuotaChain own = QuotaChain.of(100L, null, 50, 1_048_576L, null, 75, 2000L, 20L, 80, 5000L);
        assertEquals(new Quota(100, 20), own.limits(), "the account's own wins; the count falls to the domain");
        assertEquals(Source.DOMAIN, own.messages().source());
        assertEquals(50, own.effectiveWarnPercent());

        QuotaChain server = QuotaChain.of(null, null, null, null, null, null, null, null, null, 5000L);
        assertEquals(new Quota(5000, Quota.NONE), server.limits());
        assertEquals(Source.SERVER, server.bytes().source());
        assertEquals(Source.NONE, server.messages().source(), "no server default for the count: unlimited");
        assertEquals(Quota.DEFAULT_WARN_PERCENT, server.effectiveWarnPercent());

        QuotaChain zero = QuotaChain.of(null, null, null, 0L, 0L, null, 2000L, 20L, null, null);
        assertEquals(new Quota(0, 0), zero.limits(), "a profile limit of 0 is a limit, not 'unset'");
    }

    @Test
    void withoutAProfileTheChainIsTheOldOne() {
        for (Long[] v : new Long[][] {{100L, 7L, 2000L, 20L, 5000L}, {null, 7L, 2000L, null, 5000L},
                {null, null, null, null, 5000L}, {null, null, null, null, null}, {null, null, 0L, 0L, 9L}}) {
            assertEquals(Quota.effective(v[0], v[1], v[2], v[3], v[4]),
                    QuotaChain.of(v[0], v[1], null, null, null, null, v[2], v[3], null, v[4]).limits());
        }
    }

    @Test
    void theChainOfAnAccountReadsItsProfileAndDomain() {
        Domain d = new Domain("cos.test", NOW);
        d.setQuota(2000L, 20L, 80);
        Account a = new Account(d, MailAddress.parse("u@cos.test"), null, false, NOW);
        ClassOfService c = new ClassOfService("small", NOW);
        c.setQuota(1000L, null, null);
        assertEquals(new Quota(2000, 20), QuotaChain.of(a, a.getClassOfService(), null).limits(), "no profile yet");
        a.setClassOfService(c);
        QuotaChain chain = QuotaChain.of(a, a.getClassOfService(), 5000L);
        assertEquals(new Quota(1000, 20), chain.limits());
        assertEquals("classOfService", chain.bytes().source().label());
        assertEquals("domain", chain.messages().source().label());
        assertEquals(80, chain.effectiveWarnPercent());
    }
}
