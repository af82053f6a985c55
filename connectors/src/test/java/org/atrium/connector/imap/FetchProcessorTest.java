package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** FETCH and UID FETCH through the session (RFC 3501 §6.4.5, §6.4.8, §7.4.2; RFC 7162 §3.1.4, §3.2.6). */
class FetchProcessorTest {

    private static String joined(List<String> lines) {
        return String.join("\r\n", lines);
    }

    @Test
    void flagsInternalDateSizeAndUidInTheOrderAskedRfc3501s6_4_5() {
        ImapHarness c = MessageFixtures.selected(MessageFixtures.store(2));
        assertEquals(List.of("* 2 FETCH (RFC822.SIZE 157 FLAGS (\\Recent) INTERNALDATE \"01-Dec-2026 12:00:00 +0000\""
                + " UID 2)", "a OK FETCH completed"), c.send("a FETCH 2 (RFC822.SIZE FLAGS INTERNALDATE UID)"));
    }

    @Test
    void uidFetchAlwaysIncludesTheUidRfc3501s6_4_8() {
        ImapHarness c = MessageFixtures.selected(MessageFixtures.store(3));
        assertEquals(List.of("* 2 FETCH (UID 2 FLAGS (\\Recent))", "* 3 FETCH (UID 3 FLAGS (\\Recent))",
                "a OK UID FETCH completed"), c.send("a UID FETCH 2:* FLAGS"));
        // UID ranges need not exist: 7:9 names nothing, no error.
        assertEquals(List.of("b OK UID FETCH completed"), c.send("b UID FETCH 7:9 FLAGS"));
    }

    @Test
    void sequenceNumberBeyondExistsIsBad() {
        ImapHarness c = MessageFixtures.selected(MessageFixtures.store(2));
        assertEquals(List.of("a BAD Invalid message sequence number"), c.send("a FETCH 3 FLAGS"));
        assertEquals(List.of("b BAD Invalid message sequence number"), c.send("b FETCH 1:5 FLAGS"));
    }

    @Test
    void macroFullExpandsRfc3501s6_4_5() {
        ImapHarness c = MessageFixtures.selected(MessageFixtures.store(1));
        assertEquals(List.of("* 1 FETCH (FLAGS (\\Recent) INTERNALDATE \"01-Dec-2026 12:00:00 +0000\" RFC822.SIZE 157"
                + " ENVELOPE (\"Mon, 7 Feb 1994 21:52:25 -0800\" \"plain 1\""
                + " ((\"Alice\" NIL \"alice\" \"example.org\"))"
                + " ((\"Alice\" NIL \"alice\" \"example.org\")) ((\"Alice\" NIL \"alice\" \"example.org\"))"
                + " ((NIL NIL \"bob\" \"example.org\")) NIL NIL NIL \"<1@example.org>\")"
                + " BODY (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7BIT\" 16 1))",
                "a OK FETCH completed"), c.send("a FETCH 1 FULL"));
    }

    @Test
    void bodystructureOfAMultipartMessageRfc3501s7_4_2() {
        InMemoryMailStore store = MessageFixtures.store(0);
        store.deliver("alice", "INBOX", MessageFixtures.MULTIPART);
        ImapHarness c = MessageFixtures.selected(store);
        assertEquals(List.of("* 1 FETCH (BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7BIT\""
                + " 11 1 NIL NIL NIL NIL)(\"application\" \"octet-stream\" NIL NIL NIL \"BASE64\" 4 NIL NIL NIL NIL)"
                + " \"mixed\" (\"boundary\" \"b1\") NIL NIL NIL))", "a OK FETCH completed"),
                c.send("a FETCH 1 BODYSTRUCTURE"));
        assertEquals(List.of("* 1 FETCH (BODY ((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7BIT\" 11 1)"
                + "(\"application\" \"octet-stream\" NIL NIL NIL \"BASE64\" 4) \"mixed\"))", "b OK FETCH completed"),
                c.send("b FETCH 1 BODY"));
    }

    @Test
    void mimeHeaderPartialAndPartSectionsAreNamedAsRequestedRfc3501s6_4_5() {
        InMemoryMailStore store = MessageFixtures.store(0);
        store.deliver("alice", "INBOX", MessageFixtures.MULTIPART);
        ImapHarness c = MessageFixtures.selected(store);
        assertEquals("* 1 FETCH (BODY[1.MIME] {46}\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
                + " BODY[1]<0> {5}\r\nHello BODY[1]<6> {5}\r\nworld BODY[2] {4}\r\nAAEC)\r\na OK FETCH completed",
                joined(c.send("a FETCH 1 (BODY.PEEK[1.MIME] BODY.PEEK[1]<0.5> BODY.PEEK[1]<6.100> BODY.PEEK[2])")));
        // A part that does not exist is an empty string (RFC 3501 §6.4.5).
        assertEquals(List.of("* 1 FETCH (BODY[3] {0}", ")", "b OK FETCH completed"),
                c.send("b FETCH 1 BODY.PEEK[3]"));
    }

    @Test
    void headerFieldsKeepTheRequestedSpellingRfc3501s6_4_5() {
        ImapHarness c = MessageFixtures.selected(MessageFixtures.store(1));
        assertEquals("* 1 FETCH (BODY[HEADER.FIELDS (Subject MESSAGE-ID)] {49}\r\nSubject: plain 1\r\n"
                + "Message-ID: <1@example.org>\r\n\r\n)\r\na OK FETCH completed",
                joined(c.send("a FETCH 1 BODY.PEEK[HEADER.FIELDS (Subject MESSAGE-ID)]")));
    }

    @Test
    void nonPeekBodyFetchSetsSeenAndReportsTheNewFlagsRfc3501s6_4_5() {
        ImapHarness c = MessageFixtures.selected(MessageFixtures.store(1));
        assertEquals("* 1 FETCH (BODY[TEXT] {16}\r\nHello number 1\r\n FLAGS (\\Seen \\Recent))\r\n"
                + "a OK FETCH completed", joined(c.send("a FETCH 1 BODY[TEXT]")));
        // Already seen: no FLAGS this time, and the session does not echo its own change later.
        assertEquals("* 1 FETCH (RFC822.TEXT {16}\r\nHello number 1\r\n)\r\nb OK FETCH completed",
                joined(c.send("b FETCH 1 RFC822.TEXT")));
        assertEquals(List.of("n OK NOOP completed"), c.send("n NOOP"));
    }

    @Test
    void peekAndRfc822HeaderLeaveSeenAlone() {
        InMemoryMailStore store = MessageFixtures.store(1);
        ImapHarness c = MessageFixtures.selected(store);
        c.send("a FETCH 1 (BODY.PEEK[] RFC822.HEADER)");
        assertEquals(List.of("* 1 FETCH (FLAGS (\\Recent))", "b OK FETCH completed"), c.send("b FETCH 1 FLAGS"));
        assertTrue(store.folder("alice", "INBOX").messages.get(1L).flags.isEmpty());
    }

    @Test
    void examineNeverSetsSeenRfc3501s6_3_2() {
        InMemoryMailStore store = MessageFixtures.store(1);
        ImapHarness c = MessageFixtures.selected(store, "EXAMINE INBOX");
        assertEquals("* 1 FETCH (BODY[TEXT] {16}\r\nHello number 1\r\n)\r\na OK FETCH completed",
                joined(c.send("a FETCH 1 BODY[TEXT]")));
        assertTrue(store.folder("alice", "INBOX").messages.get(1L).flags.isEmpty());
    }

    @Test
    void wholeMessageIsStreamedInChunks() {
        InMemoryMailStore store = MessageFixtures.store(0);
        String big = "Subject: big\r\n\r\n" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\r\n"
                .repeat(4096);
        store.deliver("alice", "INBOX", big);
        ImapHarness c = MessageFixtures.selected(store);
        c.out.drainLines();
        List<String> r = c.send("a FETCH 1 RFC822");
        assertEquals("* 1 FETCH (RFC822 {" + big.length() + "}", r.get(0));
        assertEquals("* 1 FETCH (RFC822 {" + big.length() + "}\r\n" + big + " FLAGS (\\Seen \\Recent))\r\n"
                + "a OK FETCH completed", joined(r));
        assertTrue(c.out.largestRawWrite() <= FetchProcessor.CHUNK, "largest write " + c.out.largestRawWrite());
    }

    @Test
    void changedSinceReturnsOnlyChangedMessagesWithModseqRfc7162s3_1_4() {
        InMemoryMailStore store = MessageFixtures.store(3); // MODSEQ 2, 3, 4
        ImapHarness c = MessageFixtures.selected(store);
        c.send("a STORE 2 +FLAGS.SILENT (\\Flagged)"); // MODSEQ 5
        // The first CONDSTORE-enabling command tells the HIGHESTMODSEQ the client did not get at SELECT.
        assertEquals(List.of("* OK [HIGHESTMODSEQ 5] Highest", "* 2 FETCH (FLAGS (\\Flagged \\Recent) MODSEQ (5))",
                "b OK FETCH completed"), c.send("b FETCH 1:* (FLAGS) (CHANGEDSINCE 4)"));
        assertEquals(List.of("* 1 FETCH (UID 1 MODSEQ (2))", "c OK UID FETCH completed"),
                c.send("c UID FETCH 1 MODSEQ"));
    }

    @Test
    void vanishedModifierReportsExpungedUidsRfc7162s3_2_6() {
        InMemoryMailStore store = MessageFixtures.store(4);
        ImapHarness c = MessageFixtures.selected(store, "SELECT INBOX", "QRESYNC");
        c.send("a STORE 1,3 +FLAGS.SILENT (\\Deleted)");
        c.send("b EXPUNGE");
        // UIDs 2 and 4 remain, now sequence numbers 1 and 2.
        assertEquals(List.of("* VANISHED (EARLIER) 1,3", "* 1 FETCH (UID 2 FLAGS (\\Recent) MODSEQ (3))",
                "* 2 FETCH (UID 4 FLAGS (\\Recent) MODSEQ (5))", "c OK UID FETCH completed"),
                c.send("c UID FETCH 1:* FLAGS (CHANGEDSINCE 1 VANISHED)"));
    }

    @Test
    void vanishedWithoutQresyncIsBad() {
        ImapHarness c = MessageFixtures.selected(MessageFixtures.store(1));
        assertEquals(List.of("a BAD VANISHED requires ENABLE QRESYNC"),
                c.send("a UID FETCH 1:* FLAGS (CHANGEDSINCE 1 VANISHED)"));
    }

    @Test
    void anotherSessionsExpungeIsHeldBackAndTheGoneMessageSkippedRfc3501s7_4_1() {
        InMemoryMailStore store = MessageFixtures.store(2);
        ImapHarness a = MessageFixtures.selected(store);
        MessageFixtures.expungeInAnotherSession(store, 1);
        a.out.drainLines();
        // Message 1 can no longer be read: left out; no EXPUNGE while FETCH runs.
        assertEquals(List.of("* 2 FETCH (BODY[TEXT] {16}", "Hello number 2", ")", "a1 OK FETCH completed"),
                a.send("a1 FETCH 1:2 BODY.PEEK[TEXT]"));
        assertEquals(List.of("* 2 FETCH (FLAGS (\\Recent))", "a2 OK FETCH completed"), a.send("a2 FETCH 2 FLAGS"));
        assertEquals(List.of("* 1 EXPUNGE", "a3 OK NOOP completed"), a.send("a3 NOOP"));
    }

    @Test
    void uidFetchMaySendTheExpungeRfc3501s7_4_1() {
        InMemoryMailStore store = MessageFixtures.store(2);
        ImapHarness a = MessageFixtures.selected(store);
        MessageFixtures.expungeInAnotherSession(store, 1);
        // Message 1 has no details any more: left out; UID FETCH may then announce its expunge.
        assertEquals(List.of("* 2 FETCH (UID 2 RFC822.SIZE 157)", "* 1 EXPUNGE", "a1 OK UID FETCH completed"),
                a.send("a1 UID FETCH 1:* RFC822.SIZE"));
    }

    @Test
    void binaryDecodesPartsAndUsesLiteral8ForNulRfc3516s4_2() {
        InMemoryMailStore store = MessageFixtures.store(0);
        store.deliver("alice", "INBOX", MessageFixtures.MULTIPART);
        ImapHarness c = MessageFixtures.selected(store);
        // Part 2 is base64 "AAEC": the octets 0, 1, 2.
        assertEquals("* 1 FETCH (BINARY.SIZE[2] 3 BINARY[2] ~{3}\r\n\u0000\u0001\u0002"
                + " BINARY[1]<6> {5}\r\nworld)\r\na OK FETCH completed",
                joined(c.send("a FETCH 1 (BINARY.SIZE[2] BINARY.PEEK[2] BINARY.PEEK[1]<6.5>)")));
        assertEquals("* 1 FETCH (BINARY[1] {11}\r\nHello world FLAGS (\\Seen \\Recent))\r\nb OK FETCH completed",
                joined(c.send("b FETCH 1 BINARY[1]")));
    }

    @Test
    void binaryUndoesQuotedPrintableAndRefusesUnknownEncodingsRfc3516s4_3() {
        InMemoryMailStore store = MessageFixtures.store(0);
        store.deliver("alice", "INBOX", "Subject: qp\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\ncaf=C3=A9 =\r\nbar\r\n");
        store.deliver("alice", "INBOX", "Subject: uu\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 x\r\n");
        ImapHarness c = MessageFixtures.selected(store);
        assertEquals("* 1 FETCH (BINARY[1] {11}\r\ncaf\u00c3\u00a9 bar\r\n)\r\na OK FETCH completed",
                joined(c.send("a FETCH 1 BINARY.PEEK[1]")));
        assertEquals(List.of("* 1 FETCH (BINARY.SIZE[1] 11)",
                "b NO [UNKNOWN-CTE] Cannot decode content transfer encoding \"x-uuencode\""),
                c.send("b FETCH 1:2 BINARY.SIZE[1]"));
    }
}
