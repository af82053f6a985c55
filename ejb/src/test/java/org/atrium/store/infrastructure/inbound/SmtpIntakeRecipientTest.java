package org.atrium.store.infrastructure.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.atrium.connector.smtp.RecipientCheck;
import org.atrium.connector.smtp.RecipientCheck.Outcome;
import org.atrium.store.application.internal.FakeDirectory;
import org.junit.jupiter.api.Test;

/** RCPT TO decisions on relaying, groups and EXPN (issue #4, ADR 0012), against a directory in memory. */
class SmtpIntakeRecipientTest {

    private final FakeDirectory directory = new FakeDirectory("a.test", "b.test")
            .account("alice@a.test", "Alice Liddell", "al@a.test").account("bob@a.test", "Bob \"B\" Smith")
            .account("carol@b.test", null)
            .group("team@a.test", false, "alice@a.test", "board@a.test", "p@outside.test")
            .group("board@a.test", true, "bob@a.test", "team@a.test")
            .group("empty@a.test", false);

    private SmtpIntakeAdapter intake() {
        SmtpIntakeAdapter a = new SmtpIntakeAdapter();
        a.directory = directory.service();
        return a;
    }

    private static RecipientCheck accept(String address) {
        return RecipientCheck.accept(address);
    }

    @Test
    void remoteAddressesAreAcceptedOnlyForClientsThatMayRelay() {
        SmtpIntakeAdapter in = intake();
        assertEquals(accept("Some.One@outside.test"), in.checkRecipient("Some.One@OUTSIDE.Test", true, "alice@a.test",
                "alice@a.test"), "as given, the domain in lower case");
        assertEquals(RecipientCheck.of(Outcome.RELAY_DENIED), in.checkRecipient("x@outside.test", false, null, ""));
        assertEquals(RecipientCheck.of(Outcome.RELAY_DENIED), in.checkRecipient("x@outside.test", false));
        assertEquals(accept("x@outside.test"), in.checkRecipient("x@outside.test", true));
    }

    @Test
    void ourOwnDomainsAreNeverRelayed() {
        SmtpIntakeAdapter in = intake();
        assertEquals(RecipientCheck.of(Outcome.UNKNOWN_USER), in.checkRecipient("nobody@a.test", true, "alice@a.test",
                "alice@a.test"));
        assertEquals(RecipientCheck.of(Outcome.UNKNOWN_USER), in.checkRecipient("nobody@A.TEST", true));
        assertEquals(RecipientCheck.of(Outcome.UNKNOWN_USER), in.checkRecipient("no-domain", true),
                "no addr-spec is relayed");
        assertEquals(accept("alice@a.test"), in.checkRecipient("AL@a.test", true), "an alias as before");
    }

    @Test
    void aGroupIsAcceptedAsItself() {
        SmtpIntakeAdapter in = intake();
        assertEquals(accept("team@a.test"), in.checkRecipient("Team@a.test", false, null, "x@outside.test"));
        assertEquals(accept("empty@a.test"), in.checkRecipient("empty@a.test", false, null, ""));
    }

    @Test
    void aMembersOnlyGroupTakesMailFromMembersOnly() {
        SmtpIntakeAdapter in = intake();
        RecipientCheck denied = RecipientCheck.of(Outcome.SENDER_DENIED);
        assertEquals(denied, in.checkRecipient("board@a.test", false, null, "x@outside.test"));
        assertEquals(denied, in.checkRecipient("board@a.test", false, null, ""), "the null reverse-path");
        assertEquals(denied, in.checkRecipient("board@a.test", false, "carol@b.test"));
        assertEquals(accept("board@a.test"), in.checkRecipient("board@a.test", false, null, "bob@a.test"));
        assertEquals(accept("board@a.test"), in.checkRecipient("board@a.test", false, null, "p@outside.test"),
                "an outside contact through the nested group");
        assertEquals(accept("board@a.test"), in.checkRecipient("board@a.test", true, "alice@a.test", "x@y.test"),
                "the authenticated user counts, not the reverse-path");
        assertEquals(accept("board@a.test"), in.checkRecipient("board@a.test", false, null, "al@a.test"),
                "an alias of a member");
        assertEquals(denied, in.checkRecipient("board@a.test", true, "carol@b.test", "bob@a.test"),
                "an authenticated non-member cannot borrow a member's reverse-path");
    }

    @Test
    void expnListsTheFinalMembersOnce() {
        assertEquals(List.of("Alice Liddell <alice@a.test>", "p@outside.test", "\"Bob \\\"B\\\" Smith\" <bob@a.test>"),
                intake().expand("team@a.test"));
        assertEquals(List.of(), intake().expand("alice@a.test"), "not a list");
        assertEquals(List.of(), intake().expand("empty@a.test"));
        assertEquals(List.of(), intake().expand("nobody@a.test"));
    }

    @Test
    void aDisplayNameIsQuotedWhenItMustBe() {
        assertEquals("carol@b.test", SmtpIntakeAdapter.nameAddr(null, "carol@b.test"));
        assertEquals("Carol <carol@b.test>", SmtpIntakeAdapter.nameAddr(" Carol ", "carol@b.test"));
        assertEquals("\"Smith, Carol\" <carol@b.test>", SmtpIntakeAdapter.nameAddr("Smith, Carol", "carol@b.test"));
    }
}
