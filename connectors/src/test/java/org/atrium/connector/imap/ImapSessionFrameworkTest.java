package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session framework: greeting, dispatch, state checks, failures, untagged updates (RFC 3501 §2.2, §3, §7). */
class ImapSessionFrameworkTest {

    private static final String MAIL = ImapMailboxCommandsTest.MAIL;

    private InMemoryMailStore store;
    private ImapHarness c;

    @BeforeEach
    void setUp() {
        store = new InMemoryMailStore();
        store.addAccount("alice", "secret");
        c = new ImapHarness(store);
    }

    @Test
    void greetingCarriesCapabilitiesAndHostRfc3501s7_1_1() {
        List<String> g = c.drain();
        assertEquals(1, g.size());
        assertTrue(g.get(0).startsWith("* OK [CAPABILITY IMAP4rev1 IMAP4rev2 LITERAL+"), g.get(0));
        assertTrue(g.get(0).endsWith("] mail.example.org Atrium IMAP4rev1 ready"), g.get(0));
    }

    @Test
    void commandInWrongStateIsBadRfc3501s3() {
        c.drain();
        assertEquals(List.of("a1 BAD SELECT is not valid in not authenticated state"), c.send("a1 SELECT INBOX"));
        c.login("alice", "secret");
        assertEquals(List.of("a2 BAD LOGIN is not valid in authenticated state"), c.send("a2 LOGIN alice secret"));
    }

    @Test
    void unknownCommandIsBad() {
        c.drain();
        assertEquals(List.of("a1 BAD Unknown command"), c.send("a1 FROBNICATE"));
    }

    @Test
    void storeFailureIsNoServerbugAndTheConnectionSurvives() {
        c.login("alice", "secret");
        store.failure = new IllegalStateException("database down");
        assertEquals(List.of("a1 NO [SERVERBUG] SELECT failed: internal server error"), c.send("a1 SELECT INBOX"));
        store.failure = null;
        assertEquals("a2 OK [READ-WRITE] SELECT completed", ImapHarness.last(c.send("a2 SELECT INBOX")));
        assertFalse(c.out.closed());
    }

    /** A processor, standing in for EXPUNGE, that breaks the one-tagged-response rule in the ways a bug would. */
    private static final class Faulty extends BaseProcessor<ExpungeRequest> {
        Faulty() {
            super("EXPUNGE", ExpungeRequest.class, ImapState.ANY);
        }

        @Override
        public void process(ExpungeRequest request, ImapContext ctx) {
            if (ctx.account().isEmpty()) {
                return; // forgets to answer
            }
            ctx.ok(request.tag(), "done");
            throw new IllegalStateException("fails after answering");
        }
    }

    @Test
    void everyCommandGetsExactlyOneTaggedResponseWhateverItsProcessorDoes() {
        ImapHarness h = new ImapHarness(new ImapSessionFactory(store, ImapSettings.defaults(ImapHarness.HOST),
                ImapHarness.CLOCK, List.of(new Faulty())), "f");
        h.drain();
        assertEquals(List.of("a1 NO [SERVERBUG] EXPUNGE failed: internal server error"), h.send("a1 EXPUNGE"));
        h.login("alice", "secret");
        assertEquals(List.of("a2 OK done"), h.send("a2 EXPUNGE"));
        assertEquals(List.of("a3 OK NOOP completed"), h.send("a3 NOOP"));
    }

    @Test
    void tooManyInvalidCommandsEndTheConnection() {
        c.drain();
        for (int i = 0; i < 19; i++) {
            c.send("x" + i + " BOGUS");
        }
        assertFalse(c.out.closed());
        assertEquals(List.of("x19 BAD Unknown command", "* BYE Too many invalid commands"), c.send("x19 BOGUS"));
        assertTrue(c.out.closed());
    }

    @Test
    void aValidCommandResetsTheInvalidCount() {
        c.drain();
        for (int i = 0; i < 19; i++) {
            c.send("x" + i + " BOGUS");
        }
        c.send("n NOOP");
        c.send("y BOGUS");
        assertFalse(c.out.closed());
    }

    @Test
    void deliveryIsAnnouncedBeforeTheNextTaggedResponseRfc3501s7_3_1() {
        c.login("alice", "secret");
        c.send("a1 SELECT INBOX");
        store.deliver("alice", "INBOX", MAIL);
        assertEquals(List.of("* 1 EXISTS", "* 1 RECENT", "a2 OK NOOP completed"), c.send("a2 NOOP"));
    }

    @Test
    void idleTimeoutSaysByeRfc3501s5_4() {
        c.drain();
        c.session.onIdle();
        assertEquals(List.of("* BYE Autologout; idle too long"), c.drain());
        assertTrue(c.out.closed());
        assertTrue(c.session.idleTimeoutSeconds() >= 30 * 60);
    }

    @Test
    void logoutSaysByeThenOkThenCloses() {
        c.drain();
        assertEquals(List.of("* BYE Atrium IMAP4rev1 server logging out", "a1 OK LOGOUT completed"),
                c.send("a1 LOGOUT"));
        assertTrue(c.out.closed());
        assertEquals(List.of(), c.send("a2 NOOP"));
    }

    @Test
    void selectWatchesTheFolderAndLogoutStopsWatching() {
        c.login("alice", "secret");
        c.send("a1 SELECT INBOX");
        long id = store.folder("alice", "INBOX").id;
        assertEquals(1, store.watcherCount(id));
        c.send("a2 LOGOUT");
        assertEquals(0, store.watcherCount(id));
    }
}
