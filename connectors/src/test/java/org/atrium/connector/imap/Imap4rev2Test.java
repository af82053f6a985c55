package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IMAP4rev2 behaviour after {@code ENABLE IMAP4rev2} (RFC 9051 §6.3.1, Appendix E), and RFC 3501 behaviour without
 * it: no RECENT or \Recent, ESEARCH for every SEARCH (§6.4.4, §7.3.4), UTF-8 mailbox names (§5.1), a LIST response
 * and CLOSED in SELECT (§6.3.2, §7.1).
 */
class Imap4rev2Test {

    private static final String MAIL = ImapMailboxCommandsTest.MAIL;

    private InMemoryMailStore store;
    private ImapSessionFactory factory;
    private ImapHarness c;

    @BeforeEach
    void setUp() {
        store = new InMemoryMailStore();
        store.addAccount("alice", "secret");
        factory = new ImapSessionFactory(store, ImapSettings.defaults(ImapHarness.HOST), ImapHarness.CLOCK);
        c = new ImapHarness(factory, "A").login("alice", "secret");
    }

    /** A response line as the harness shows it: the UTF-8 octets on the wire, one char each (ISO-8859-1). */
    private static String wire(String line) {
        return new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private ImapHarness rev2() {
        assertEquals(List.of("* ENABLED IMAP4rev2", "e1 OK ENABLE completed"), c.send("e1 ENABLE IMAP4rev2"));
        return c;
    }

    @Test
    void bothRevisionsAreAdvertisedRfc9051s7_2_2() {
        List<String> caps = c.session.capabilities();
        assertTrue(caps.containsAll(List.of("IMAP4rev1", "IMAP4rev2", "BINARY")), caps.toString());
    }

    @Test
    void enableAnswersInTheAdvertisedSpellingOnceRfc9051s6_3_1() {
        assertEquals(List.of("* ENABLED IMAP4rev2", "a1 OK ENABLE completed"), c.send("a1 ENABLE imap4REV2"));
        // RFC 5161 §3.2: ENABLED lists only what this command newly enabled.
        assertEquals(List.of("* ENABLED", "a2 OK ENABLE completed"), c.send("a2 ENABLE IMAP4rev2"));
        assertEquals(List.of("* ENABLED CONDSTORE", "a3 OK ENABLE completed"),
                c.send("a3 ENABLE IMAP4rev2 CONDSTORE"));
    }

    @Test
    void enableIsOnlyValidInAuthenticatedState() {
        c.send("a1 SELECT INBOX");
        assertEquals(List.of("a2 BAD ENABLE is not valid in selected state"), c.send("a2 ENABLE IMAP4rev2"));
        assertEquals(List.of("* 0 RECENT"), c.send("a3 EXAMINE INBOX").stream()
                .filter(l -> l.endsWith(" RECENT")).toList());
    }

    @Test
    void selectHasNoRecentButAListResponseRfc9051s6_3_2() {
        store.deliver("alice", "INBOX", MAIL, "\\Seen");
        store.deliver("alice", "INBOX", MAIL);
        long v = store.folder("alice", "INBOX").uidValidity;
        rev2();
        assertEquals(List.of("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
                "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted",
                "* 2 EXISTS", "* LIST () \"/\" \"INBOX\"", "* OK [UIDVALIDITY " + v + "] UIDs valid",
                "* OK [UIDNEXT 3] Predicted next UID", "a1 OK [READ-WRITE] SELECT completed"),
                c.send("a1 SELECT INBOX"));
        // RFC 9051 §7.1 CLOSED: always sent when SELECT closes the previous mailbox.
        List<String> r = c.send("a2 EXAMINE INBOX");
        assertEquals("* OK [CLOSED] Previous mailbox is now closed", r.get(0));
        assertTrue(r.stream().noneMatch(l -> l.contains("RECENT") || l.contains("UNSEEN")), r.toString());
    }

    @Test
    void fetchAndUpdatesNeverShowRecentRfc9051AppendixE() {
        store.deliver("alice", "INBOX", MAIL);
        rev2();
        c.send("a1 SELECT INBOX");
        assertEquals(List.of("* 1 FETCH (FLAGS ())", "a2 OK FETCH completed"), c.send("a2 FETCH 1 FLAGS"));
        store.deliver("alice", "INBOX", MAIL);
        assertEquals(List.of("* 2 EXISTS", "a3 OK NOOP completed"), c.send("a3 NOOP"));
        assertEquals(List.of("* 2 FETCH (FLAGS (\\Seen))", "a4 OK STORE completed"),
                c.send("a4 STORE 2 +FLAGS (\\Seen)"));
        // The session still knows which messages are recent: the RECENT search key keeps working.
        assertEquals(List.of("* ESEARCH (TAG \"a5\") ALL 1:2", "a5 OK SEARCH completed"), c.send("a5 SEARCH RECENT"));
    }

    @Test
    void idleReportsNewMessagesWithoutRecentRfc9051s6_3_13() {
        rev2();
        c.send("a1 SELECT INBOX");
        assertEquals(List.of("+ idling"), c.send("a2 IDLE"));
        store.deliver("alice", "INBOX", MAIL);
        assertEquals(List.of("* 1 EXISTS"), c.drain());
        assertEquals(List.of("a2 OK IDLE terminated"), c.type("DONE\r\n"));
    }

    @Test
    void eightBitQuotedStringsAreAcceptedOnlyAfterEnableRfc9051s4_3() {
        store.deliver("alice", "INBOX", "Subject: \u00fcber\r\n\r\nx\r\n");
        c.send("a1 EXAMINE INBOX");
        assertEquals(List.of("a2 BAD SEARCH: 8-bit character in quoted string"),
                c.send("a2 SEARCH SUBJECT \"\u00fcber\""));
        c.send("a3 UNSELECT");
        rev2();
        c.send("a4 EXAMINE INBOX");
        assertEquals(List.of("* ESEARCH (TAG \"a5\") ALL 1", "a5 OK SEARCH completed"),
                c.send("a5 SEARCH SUBJECT \"\u00fcber\""));
    }

    @Test
    void withoutEnableRecentIsShownAsInRfc3501() {
        store.deliver("alice", "INBOX", MAIL);
        List<String> r = c.send("a1 SELECT INBOX");
        assertTrue(r.contains("* 1 RECENT") && r.contains("* OK [UNSEEN 1] First unseen"), r.toString());
        assertTrue(r.stream().noneMatch(l -> l.startsWith("* LIST")), r.toString());
        assertEquals(List.of("* 1 FETCH (FLAGS (\\Recent))", "a2 OK FETCH completed"), c.send("a2 FETCH 1 FLAGS"));
        store.deliver("alice", "INBOX", MAIL);
        assertEquals(List.of("* 2 EXISTS", "* 2 RECENT", "a3 OK NOOP completed"), c.send("a3 NOOP"));
        assertEquals(List.of("* SEARCH 1 2", "a4 OK SEARCH completed"), c.send("a4 SEARCH ALL"));
        // Without CONDSTORE, re-selecting sends no CLOSED.
        assertTrue(c.send("a5 SELECT INBOX").stream().noneMatch(l -> l.contains("CLOSED")));
    }

    @Test
    void searchAnswersEsearchWithoutReturnOptionsRfc9051s6_4_4() {
        store.deliver("alice", "INBOX", MAIL, "\\Seen");
        store.deliver("alice", "INBOX", MAIL);
        store.deliver("alice", "INBOX", MAIL, "\\Seen");
        rev2();
        c.send("a1 SELECT INBOX");
        assertEquals(List.of("* ESEARCH (TAG \"a2\") UID ALL 1:3", "a2 OK UID SEARCH completed"),
                c.send("a2 UID SEARCH ALL"));
        assertEquals(List.of("* ESEARCH (TAG \"a3\") ALL 1,3", "a3 OK SEARCH completed"), c.send("a3 SEARCH SEEN"));
        // An empty result is the bare ESEARCH response (RFC 9051 §7.3.4).
        assertEquals(List.of("* ESEARCH (TAG \"a4\")", "a4 OK SEARCH completed"), c.send("a4 SEARCH DRAFT"));
        assertEquals(List.of("* ESEARCH (TAG \"a5\") UID", "a5 OK UID SEARCH completed"),
                c.send("a5 UID SEARCH DRAFT"));
        // Explicit RETURN options are still honoured.
        assertEquals(List.of("* ESEARCH (TAG \"a6\") COUNT 3", "a6 OK SEARCH completed"),
                c.send("a6 SEARCH RETURN (COUNT) ALL"));
    }

    @Test
    void mailboxNamesAreUtf8RoundTripRfc9051s5_1() {
        rev2();
        assertEquals(List.of("a1 OK CREATE completed"), c.send("a1 CREATE \"Ärger/Übersicht\""));
        // The store keeps the Unicode name: an RFC 3501 session sees it in modified UTF-7.
        ImapHarness old = new ImapHarness(factory, "B").login("alice", "secret");
        assertEquals(List.of("* LIST (\\HasNoChildren) \"/\" \"&AMQ-rger/&ANw-bersicht\"", "b1 OK LIST completed"),
                old.send("b1 LIST \"\" \"&AMQ-rger/*\""));
        assertEquals(List.of(wire("* LIST (\\HasChildren) \"/\" \"Ärger\""),
                wire("* LIST (\\HasNoChildren) \"/\" \"Ärger/Übersicht\""), "a2 OK LIST completed"),
                c.send("a2 LIST \"\" \"Ä*\""));
        List<String> r = c.send("a3 SELECT \"Ärger/Übersicht\"");
        assertTrue(r.contains(wire("* LIST () \"/\" \"Ärger/Übersicht\"")), r.toString());
        assertEquals("a3 OK [READ-WRITE] SELECT completed", ImapHarness.last(r));
        assertEquals(List.of(wire("* STATUS \"Ärger\" (MESSAGES 0)"), "a4 OK STATUS completed"),
                c.send("a4 STATUS \"Ärger\" (MESSAGES)"));
        // Modified UTF-7 is no longer decoded: "&AMQ-rger" is a name of its own. The failed SELECT still closed the
        // selected mailbox first (RFC 9051 §6.3.2).
        assertEquals(List.of("* OK [CLOSED] Previous mailbox is now closed", "a5 NO [NONEXISTENT] No such mailbox"),
                c.send("a5 SELECT \"&AMQ-rger\""));
    }
}
