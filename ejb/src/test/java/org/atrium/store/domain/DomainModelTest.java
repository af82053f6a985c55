package org.atrium.store.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DomainModelTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void addressesAreNormalisedAndValidated() {
        MailAddress a = MailAddress.parse("  Alice.Archer@Atrium.TEST ");
        assertEquals("alice.archer@atrium.test", a.toString());
        for (String bad : List.of("", "alice", "@atrium.test", "alice@", "al ice@atrium.test", "alice@atrium",
                "alice@-bad.test", "a..b@atrium.test", "x".repeat(65) + "@atrium.test")) {
            assertThrows(IllegalArgumentException.class, () -> MailAddress.parse(bad), bad);
        }
        assertEquals("example.org", MailAddress.normalizeDomain("Example.ORG."));
        assertThrows(IllegalArgumentException.class, () -> MailAddress.normalizeDomain("no_underscores.test"));
    }

    @Test
    void passwordHashesAreSaltedSlowAndVerifiable() {
        String h1 = PasswordHash.create("correct horse");
        String h2 = PasswordHash.create("correct horse");
        assertNotEquals(h1, h2, "salted: the same password hashes differently");
        assertTrue(h1.startsWith("pbkdf2-sha256$" + PasswordHash.ITERATIONS + "$"));
        assertFalse(h1.contains("correct horse"));
        assertTrue(PasswordHash.verify("correct horse", h1));
        assertFalse(PasswordHash.verify("correct horsf", h1));
        assertFalse(PasswordHash.verify("correct horse", "plain$text"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.create("short"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.create("has\nnewline"));
    }

    @Test
    void accountsCheckTheirDomainAndPassword() {
        Domain d = new Domain("atrium.test", NOW);
        Account a = new Account(d, MailAddress.parse("bob@atrium.test"), null, false, NOW);
        assertEquals("bob", a.getDisplayName());
        assertFalse(a.passwordMatches("anything-at-all"), "no password set: nothing matches");
        a.setPassword("Bob-password-1");
        assertTrue(a.passwordMatches("Bob-password-1"));
        a.setEnabled(false);
        assertFalse(a.passwordMatches("Bob-password-1"), "a disabled account cannot log in");
        assertThrows(IllegalArgumentException.class,
                () -> new Account(d, MailAddress.parse("bob@other.test"), null, false, NOW));
    }

    @Test
    void foldersAllocateStrictlyIncreasingUidsAndModseqs() {
        Domain d = new Domain("atrium.test", NOW);
        Account owner = new Account(d, MailAddress.parse("carol@atrium.test"), null, false, NOW);
        Folder inbox = new Folder(owner, null, "INBOX", SpecialUse.INBOX, NOW);
        Folder sub = new Folder(owner, inbox, "Projects", null, NOW);
        assertEquals("INBOX/Projects", sub.getPath());
        assertTrue(inbox.getUidValidity() > 0);
        MessageContent c = new MessageContent("a".repeat(64), 10, "{}", 1, NOW);
        long lastUid = 0;
        long lastModseq = inbox.getHighestModseq();
        for (int i = 0; i < 5; i++) {
            MailItem item = MailItem.file(inbox, c, NOW, EnumSet.of(Flag.SEEN));
            assertTrue(item.getUid() > lastUid);
            assertTrue(item.getModseq() > lastModseq);
            lastUid = item.getUid();
            lastModseq = item.getModseq();
        }
        assertEquals(6, inbox.getUidNext());
        assertThrows(IllegalArgumentException.class, () -> new Folder(owner, null, "a/b", null, NOW));
    }

    @Test
    void flagsRoundTripThroughTheirBits() {
        for (Set<Flag> set : List.of(EnumSet.noneOf(Flag.class), EnumSet.allOf(Flag.class),
                EnumSet.of(Flag.SEEN, Flag.DELETED), EnumSet.of(Flag.DRAFT))) {
            assertEquals(set, Flag.fromBits(Flag.toBits(set)));
        }
    }

    @Test
    void aQueueEntryCompletesOnceEveryRecipientIsSettled() {
        MessageContent c = new MessageContent("b".repeat(64), 10, "{}", 1, NOW);
        InboundMessage m = new InboundMessage("Q1", c, "a@example.org", "127.0.0.1", "helo", null, "S1", NOW,
                List.of("x@atrium.test", "y@atrium.test"));
        assertFalse(m.completeIfSettled(NOW));
        m.getRecipients().get(0).delivered(1);
        assertFalse(m.completeIfSettled(NOW));
        m.getRecipients().get(1).failed("gone");
        assertTrue(m.completeIfSettled(NOW));
        assertFalse(m.completeIfSettled(NOW), "completes once");
        assertThrows(IllegalStateException.class, () -> m.getRecipients().get(0).delivered(2),
                "a recipient is never delivered twice");
        assertThrows(IllegalArgumentException.class, () -> new InboundMessage("Q2", c, "", null, null, null, null, NOW,
                List.of()));
    }

    @Test
    void aDomainAliasIsANormalisedOtherName() {
        Domain d = new Domain("atrium.test", NOW);
        DomainAlias a = new DomainAlias(" Example.NET. ", d, NOW);
        assertEquals("example.net", a.getName());
        assertEquals(d, a.getDomain());
        assertThrows(IllegalArgumentException.class, () -> new DomainAlias("Atrium.test", d, NOW));
        assertThrows(IllegalArgumentException.class, () -> new DomainAlias("not a domain", d, NOW));
    }

    @Test
    void aGroupRefusesItselfAndKeepsItsNameReadable() {
        Domain d = new Domain("atrium.test", NOW);
        MailGroup g = new MailGroup(d, MailAddress.parse("team@atrium.test"), " Team ");
        assertEquals("Team", g.getDisplayName());
        assertThrows(IllegalArgumentException.class, () -> g.addMember(MailAddress.parse("Team@atrium.test")));
        g.addMember(MailAddress.parse("Alice@atrium.test"));
        assertEquals(Set.of("alice@atrium.test"), g.getMembers());
        assertFalse(g.removeMember("bob@atrium.test"));
        assertTrue(g.removeMember("alice@atrium.test"));
        g.setDisplayName("  ");
        assertEquals("team", g.getDisplayName());
        g.setDisplayName(" Sales team ");
        assertEquals("Sales team", g.getDisplayName());
    }
}
