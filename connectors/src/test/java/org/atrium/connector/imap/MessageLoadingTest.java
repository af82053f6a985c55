package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What FETCH and SEARCH read from the store: details only for items or keys that need them, in batches; content
 * only for body items and BODY/TEXT keys, one message at a time.
 */
class MessageLoadingTest {

    private CountingMailStore store;
    private ImapHarness c;

    @BeforeEach
    void setUp() {
        store = new CountingMailStore(MessageFixtures.store(300));
        c = new ImapHarness(new ImapSessionFactory(store, ImapSettings.defaults(ImapHarness.HOST),
                ImapHarness.CLOCK), "s1").login("alice", "secret");
        c.send("s SELECT INBOX");
        store.reset();
    }

    @Test
    void flagsUidAndModseqReadNothing() {
        c.send("a FETCH 1:* (FLAGS UID MODSEQ)");
        c.send("b SEARCH UNSEEN UID 5:9 NOT KEYWORD $Junk");
        assertEquals(List.of(), store.detailsCalls);
        assertEquals(List.of(), store.opened);
    }

    @Test
    void metadataItemsReadDetailsInBatchesAndNoContent() {
        c.send("a FETCH 1:* (ENVELOPE RFC822.SIZE)");
        assertEquals(2, store.detailsCalls.size());
        assertEquals(SelectedMessages.DETAILS_BATCH, store.detailsCalls.get(0).size());
        assertEquals(300 - SelectedMessages.DETAILS_BATCH, store.detailsCalls.get(1).size());
        assertEquals(List.of(), store.opened);
    }

    @Test
    void bodyItemsAndBodyKeysOpenOnlyTheMessagesConcerned() {
        c.send("a FETCH 7,9 BODY.PEEK[TEXT]");
        assertEquals(List.of(7L, 9L), store.opened);
        store.reset();
        assertEquals(List.of("* SEARCH 12", "b OK SEARCH completed"), c.send("b SEARCH UID 10:12 BODY \"number 12\""));
        assertEquals(List.of(10L, 11L, 12L), store.opened);
    }

    @Test
    void aStreamBreakingMidLiteralStillLeavesAParsableResponse() {
        store.failAfter = 10;
        List<String> r = c.send("a FETCH 1 BODY.PEEK[]");
        assertEquals(List.of("* 1 FETCH (BODY[] {157}",
                "From: Alic" + " ".repeat(147) + ")",
                "a NO [SERVERBUG] FETCH failed: internal server error"), r);
        store.failAfter = -1;
        assertEquals("a2 OK FETCH completed", ImapHarness.last(c.send("a2 FETCH 1 BODY.PEEK[]")));
    }
}
