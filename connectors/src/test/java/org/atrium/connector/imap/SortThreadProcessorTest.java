package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SORT and THREAD with their UID forms through the session (RFC 5256 §3, §4). The mailbox: UID 1 was expunged, so
 * UIDs 2..5 are sequence numbers 1..4: a thread root, an unrelated message, a reply to the root and a reply to that.
 */
class SortThreadProcessorTest {

    private InMemoryMailStore store;
    private ImapHarness c;

    private static String mail(String subject, String date, String id, String references, int bodyLines) {
        return "From: Alice <alice@example.org>\r\nTo: bob@example.org\r\nSubject: " + subject + "\r\nDate: " + date
                + "\r\nMessage-ID: " + id + "\r\n" + (references == null ? "" : "References: " + references + "\r\n")
                + "\r\n" + "text\r\n".repeat(bodyLines);
    }

    @BeforeEach
    void setUp() throws Exception {
        store = MessageFixtures.store(1);
        InMemoryMailStore.Folder inbox = store.folder("alice", "INBOX");
        inbox.messages.get(1L).flags = java.util.Set.of("\\Deleted");
        store.expunge("alice", inbox.id, null);
        store.deliver("alice", "INBOX", mail("lunch", "Tue, 1 Feb 2000 10:00:00 +0000", "<r@x>", null, 1));
        store.deliver("alice", "INBOX", mail("Another topic", "Wed, 2 Feb 2000 10:00:00 +0000", "<o@x>", null, 9));
        store.deliver("alice", "INBOX", mail("Re: lunch", "Thu, 3 Feb 2000 10:00:00 +0000", "<a@x>", "<r@x>", 3));
        store.deliver("alice", "INBOX", mail("Re: Re: lunch", "Fri, 4 Feb 2000 10:00:00 +0000", "<b@x>",
                "<r@x> <a@x>", 2));
        c = MessageFixtures.selected(store);
    }

    @Test
    void sortBySubjectThenSequenceRfc5256s3() {
        // Base subjects: lunch, another topic, lunch, lunch (RFC 5256 §2.1); ties keep sequence order.
        assertEquals(List.of("* SORT 2 1 3 4", "a OK SORT completed"), c.send("a SORT (SUBJECT) UTF-8 ALL"));
        assertEquals(List.of("* SORT 3 2 4 5", "b OK UID SORT completed"),
                c.send("b UID SORT (SUBJECT) US-ASCII ALL"));
    }

    @Test
    void sortBySizeReversedAndFilteredRfc5256s3() {
        // 9 body lines; then the longer reply headers of 4 outweigh the extra body line of 3
        assertEquals(List.of("* SORT 2 4 3 1", "a OK SORT completed"), c.send("a SORT (REVERSE SIZE) UTF-8 ALL"));
        assertEquals(List.of("* SORT 4 3", "b OK SORT completed"),
                c.send("b SORT (REVERSE DATE) UTF-8 SUBJECT \"Re:\""));
    }

    @Test
    void sortWithUnknownCharsetIsBadcharset() {
        assertEquals(List.of("a NO [BADCHARSET (US-ASCII UTF-8)] Unsupported charset"),
                c.send("a SORT (DATE) ISO-2022-JP ALL"));
    }

    @Test
    void threadByReferencesRfc5256s4() {
        assertEquals(List.of("* THREAD (1 3 4)(2)", "a OK THREAD completed"), c.send("a THREAD REFERENCES UTF-8 ALL"));
        assertEquals(List.of("* THREAD (2 4 5)(3)", "b OK UID THREAD completed"),
                c.send("b UID THREAD REFERENCES UTF-8 ALL"));
    }

    @Test
    void threadByOrderedSubjectRfc5256s4() {
        assertEquals(List.of("* THREAD (1 (3)(4))(2)", "a OK THREAD completed"),
                c.send("a THREAD ORDEREDSUBJECT UTF-8 ALL"));
        assertEquals(List.of("* THREAD", "b OK THREAD completed"), c.send("b THREAD ORDEREDSUBJECT UTF-8 DELETED"));
    }

    @Test
    void anotherSessionsExpungeIsHeldBackDuringSortRfc5256s3() {
        MessageFixtures.expungeInAnotherSession(store, 2);
        c.out.drainLines();
        assertEquals(List.of("* SORT 1 3 4", "a1 OK SORT completed"), c.send("a1 SORT (DATE) UTF-8 ALL"));
        assertEquals(List.of("* 2 EXPUNGE", "a2 OK NOOP completed"), c.send("a2 NOOP"));
    }

    @Test
    void sortAndThreadCapabilitiesAreAdvertised() {
        List<String> caps = new ImapSessionFactory(store, ImapSettings.defaults(ImapHarness.HOST),
                ImapHarness.CLOCK).capabilities();
        assertTrue(caps.containsAll(List.of("SORT", "THREAD=ORDEREDSUBJECT", "THREAD=REFERENCES")), caps.toString());
    }
}
