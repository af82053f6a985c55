package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.atrium.connector.imap.port.MailboxException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SEARCH and UID SEARCH through the session (RFC 3501 §6.4.4; ESEARCH RFC 4731; SEARCHRES RFC 5182; MODSEQ RFC 7162
 * §3.1.5). The mailbox: UIDs 2..10 at sequence numbers 1..9 (UID 1 was expunged), UIDs 3, 4, 5 and 10 flagged.
 */
class SearchProcessorTest {

    private InMemoryMailStore store;
    private ImapHarness c;

    @BeforeEach
    void setUp() throws MailboxException {
        store = MessageFixtures.store(10);
        InMemoryMailStore.Folder inbox = store.folder("alice", "INBOX");
        inbox.messages.get(1L).flags = Set.of("\\Deleted");
        store.expunge("alice", inbox.id, null);
        for (long uid : new long[] {3, 4, 5, 10}) {
            inbox.messages.get(uid).flags = Set.of("\\Flagged");
        }
        c = MessageFixtures.selected(store);
    }

    @Test
    void searchAnswersSequenceNumbersAndUidSearchUidsRfc3501s6_4_4() {
        assertEquals(List.of("* SEARCH 2 3 4 9", "a OK SEARCH completed"), c.send("a SEARCH FLAGGED"));
        assertEquals(List.of("* SEARCH 3 4 5 10", "b OK UID SEARCH completed"), c.send("b UID SEARCH FLAGGED"));
        assertEquals(List.of("* SEARCH", "c OK SEARCH completed"), c.send("c SEARCH DELETED"));
        assertEquals(List.of("* SEARCH 1 5", "d OK SEARCH completed"),
                c.send("d SEARCH OR SUBJECT \"plain 2\" UID 6 NOT FLAGGED"));
    }

    @Test
    void bodyKeysReadTheContent() {
        assertEquals(List.of("* SEARCH 6", "a OK SEARCH completed"), c.send("a SEARCH BODY \"number 7\""));
    }

    @Test
    void onlyUsAsciiAndUtf8CharsetsRfc3501s6_4_4() {
        assertEquals(List.of("a NO [BADCHARSET (US-ASCII UTF-8)] Unsupported charset"),
                c.send("a SEARCH CHARSET KOI8-R SUBJECT x"));
        assertEquals(List.of("* SEARCH 2", "b OK SEARCH completed"),
                c.send("b SEARCH CHARSET UTF-8 SUBJECT \"plain 3\""));
        assertEquals(List.of("* SEARCH 2", "c OK SEARCH completed"),
                c.send("c SEARCH CHARSET us-ascii SUBJECT \"plain 3\""));
    }

    @Test
    void esearchReturnOptionsRfc4731s3_1() {
        assertEquals(List.of("* ESEARCH (TAG \"a1\") UID MIN 3 MAX 10 COUNT 4 ALL 3:5,10",
                "a1 OK UID SEARCH completed"), c.send("a1 UID SEARCH RETURN (MIN MAX COUNT ALL) FLAGGED"));
        assertEquals(List.of("* ESEARCH (TAG \"a2\") ALL 2:4,9", "a2 OK SEARCH completed"),
                c.send("a2 SEARCH RETURN () FLAGGED"));
        assertEquals(List.of("* ESEARCH (TAG \"a3\") COUNT 0", "a3 OK SEARCH completed"),
                c.send("a3 SEARCH RETURN (MIN COUNT) DELETED"));
        assertEquals(List.of("* ESEARCH (TAG \"a4\") MIN 2", "a4 OK SEARCH completed"),
                c.send("a4 SEARCH RETURN (MIN) FLAGGED"));
    }

    @Test
    void saveKeepsTheResultForDollarRfc5182s2() {
        assertEquals(List.of("a OK SEARCH completed"), c.send("a SEARCH RETURN (SAVE) FLAGGED"));
        assertEquals(List.of("* 2 FETCH (UID 3)", "* 3 FETCH (UID 4)", "* 4 FETCH (UID 5)", "* 9 FETCH (UID 10)",
                "b OK FETCH completed"), c.send("b FETCH $ (UID)"));
        assertEquals(List.of("* SEARCH 3 4 5", "c OK UID SEARCH completed"),
                c.send("c UID SEARCH $ NOT SUBJECT \"plain 10\""));
        // RFC 5182 §2.4: SAVE with MIN alone saves the minimum only.
        assertEquals(List.of("* ESEARCH (TAG \"d\") MIN 2", "d OK SEARCH completed"),
                c.send("d SEARCH RETURN (SAVE MIN) FLAGGED"));
        assertEquals(List.of("* 2 FETCH (UID 3)", "e OK UID FETCH completed"), c.send("e UID FETCH $ UID"));
        // A failed SAVE search leaves an empty saved result (RFC 5182 §2.1).
        c.send("f SEARCH RETURN (SAVE) CHARSET X-UNKNOWN ALL");
        assertEquals(List.of("g OK FETCH completed"), c.send("g FETCH $ UID"));
    }

    @Test
    void modseqKeyEnablesCondstoreAndReportsTheHighestRfc7162s3_1_5() {
        c.send("a STORE 2 +FLAGS.SILENT (\\Seen)");
        long modseq = store.folder("alice", "INBOX").messages.get(3L).modseq;
        assertEquals(List.of("* OK [HIGHESTMODSEQ " + modseq + "] Highest", "* SEARCH 2 (MODSEQ " + modseq + ")",
                "b OK SEARCH completed"), c.send("b SEARCH MODSEQ " + modseq));
        assertEquals(List.of("* ESEARCH (TAG \"c\") ALL 2 MODSEQ " + modseq, "c OK SEARCH completed"),
                c.send("c SEARCH RETURN (ALL) MODSEQ " + modseq + " NOT MODSEQ " + (modseq + 1)));
    }

    @Test
    void anotherSessionsExpungeIsHeldBackDuringSearchRfc3501s7_4_1() {
        MessageFixtures.expungeInAnotherSession(store, 1);
        c.out.drainLines();
        // Message 1 (UID 2) can no longer be read: it matches nothing, and its EXPUNGE waits.
        assertEquals(List.of("* SEARCH 2 3", "a1 OK SEARCH completed"), c.send("a1 SEARCH BODY \"number\" UID 2:4"));
        assertEquals(List.of("* SEARCH 3 4", "* 1 EXPUNGE", "a2 OK UID SEARCH completed"),
                c.send("a2 UID SEARCH BODY \"number\" UID 2:4"));
    }
}
