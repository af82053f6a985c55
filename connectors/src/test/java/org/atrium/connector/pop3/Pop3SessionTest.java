package org.atrium.connector.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transcripts of whole POP3 conversations (RFC 1939, RFC 2449) against an in-memory store. */
class Pop3SessionTest {

    static final String M1 = "From: a@example.org\r\nSubject: one\r\n\r\nHello\r\n.hidden dot\r\n..two dots\r\n.\r\nbye\r\n";
    static final String M2 = "Subject: two\r\n\r\nline1\r\nline2\r\nno final crlf";
    static final String M3 = "Subject: three\r\n\r\nbody\r\n";

    private final FakeMaildropPort port = new FakeMaildropPort();
    private FakeMaildrop alice;
    private Pop3Harness c;

    @BeforeEach
    void setUp() {
        alice = port.addAccount("alice", "secret").add("uid-1", M1).add("uid-2", M2).add("uid-3", M3);
        c = new Pop3Harness(port);
    }

    private static int len(String s) {
        return s.length();
    }

    @Test
    void fullSessionAsTypedOverTelnet() {
        int all = len(M1) + len(M2) + len(M3);
        assertEquals(List.of("+OK mail.example.org POP3 Atrium ready"), c.drain());
        assertEquals(List.of("+OK send PASS"), c.send("user alice"));
        assertEquals(List.of("+OK 3 messages (" + all + " octets)"), c.send("PASS secret"));
        assertEquals(List.of("+OK 3 " + all), c.send("STAT"));
        assertEquals(List.of("+OK 3 messages (" + all + " octets)", "1 " + len(M1), "2 " + len(M2), "3 " + len(M3), "."),
                c.send("LIST"));
        assertEquals(List.of("+OK 2 " + len(M2)), c.send("list 2"));
        assertEquals(List.of("+OK unique-id listing follows", "1 uid-1", "2 uid-2", "3 uid-3", "."), c.send("UIDL"));
        assertEquals(List.of("+OK 3 uid-3"), c.send("UIDL 3"));
        assertEquals(List.of("+OK top of message follows", "From: a@example.org", "Subject: one", "", "."),
                c.send("TOP 1 0"));
        assertEquals(List.of("+OK " + len(M1) + " octets", "From: a@example.org", "Subject: one", "", "Hello",
                "..hidden dot", "...two dots", "..", "bye", "."), c.send("RETR 1"));
        assertEquals(List.of("+OK message 1 deleted"), c.send("DELE 1"));
        assertEquals(List.of("+OK 2 " + (len(M2) + len(M3))), c.send("STAT"));
        assertEquals(List.of("+OK 2 messages (" + (len(M2) + len(M3)) + " octets)", "2 " + len(M2), "3 " + len(M3), "."),
                c.send("LIST"));
        assertEquals(List.of("+OK unique-id listing follows", "2 uid-2", "3 uid-3", "."), c.send("UIDL"));
        assertEquals(List.of("-ERR message 1 already deleted"), c.send("LIST 1"));
        assertEquals(List.of("-ERR message 1 already deleted"), c.send("UIDL 1"));
        assertEquals(List.of("-ERR message 1 already deleted"), c.send("RETR 1"));
        assertEquals(List.of("-ERR message 1 already deleted"), c.send("TOP 1 1"));
        assertEquals(List.of("-ERR message 1 already deleted"), c.send("DELE 1"));
        assertEquals(List.of("+OK maildrop has 3 messages (" + all + " octets)"), c.send("RSET"));
        assertEquals(List.of("+OK 3 " + all), c.send("STAT"));
        assertEquals(List.of("+OK message 2 deleted"), c.send("DELE 2"));
        assertEquals(List.of("+OK"), c.send("NOOP"));
        assertEquals(List.of("+OK mail.example.org POP3 server signing off (2 messages left)"), c.send("QUIT"));

        assertTrue(c.out.closed());
        assertEquals(List.of(List.of(new MaildropEntry(101, "uid-2", len(M2)))), alice.expunged);
        assertEquals(1, alice.closes);
        assertFalse(alice.locked);
        assertTrue(alice.touches >= 20, "every TRANSACTION command keeps the lock alive");
        assertEquals(List.of("192.0.2.7"), port.authenticatedIps);
    }

    @Test
    void wholeConversationThroughALineAssemblerOneByteAtATime() {
        c.drain();
        assertEquals(List.of("+OK send PASS", "+OK 3 messages (" + (len(M1) + len(M2) + len(M3)) + " octets)",
                "+OK 2 " + len(M2), "+OK message 3 deleted", "+OK mail.example.org POP3 server signing off (2 messages left)"),
                c.type("USER alice\r\nPASS secret\r\nLIST 2\r\nDELE 3\r\nQUIT\r\n"));
        assertEquals(1, alice.expunged.size());
        assertEquals("uid-3", alice.expunged.get(0).get(0).uniqueId());
    }

    @Test
    void pipelinedCommandsAfterQuitAreIgnored() {
        c.drain();
        List<String> replies = c.type("USER alice\r\nPASS secret\r\nQUIT\r\nSTAT\r\nDELE 1\r\n");
        assertEquals(3, replies.size());
        assertTrue(alice.expunged.isEmpty(), "nothing marked, so no expunge call at all");
        c.session.onClose();
        assertEquals(1, alice.closes);
    }

    @Test
    void passwordMayContainSpacesAndCredentialsMayExceedFortyOctets() {
        String user = "firstname.lastname@department.example.org";
        String password = "correct horse battery staple and then some more";
        assertTrue(user.length() > 40 && password.length() > 40);
        port.addAccount(user, password).add("u", M3);
        assertEquals("+OK 1 messages (" + len(M3) + " octets)", c.login(user, password));
    }

    @Test
    void badPasswordThenGoodPassword() {
        c.drain();
        assertEquals(PassCommand.AUTH_FAILED, c.login("alice", "wrong"));
        assertEquals(PassCommand.AUTH_FAILED, c.login("nobody", "secret"), "same answer whichever part was wrong");
        assertFalse(c.out.closed());
        assertTrue(c.login("alice", "secret").startsWith("+OK 3 messages"));
    }

    @Test
    void passWithoutUserIsRefusedAndUserIsConsumedByPass() {
        c.drain();
        assertEquals(List.of("-ERR USER first"), c.send("PASS secret"));
        c.login("alice", "wrong");
        assertEquals(List.of("-ERR USER first"), c.send("PASS secret"), "each attempt names the user again");
        assertEquals(List.of("-ERR missing argument"), c.send("USER"));
        assertEquals(List.of("-ERR missing argument"), c.send("PASS"));
    }

    @Test
    void thirdFailureClosesTheConnection() {
        c.drain();
        assertEquals(PassCommand.AUTH_FAILED, c.login("alice", "a"));
        assertEquals(PassCommand.AUTH_FAILED, c.login("alice", "b"));
        assertFalse(c.out.closed());
        assertEquals(PassCommand.AUTH_FAILED, c.login("alice", "c"));
        assertTrue(c.out.closed());
        assertEquals(List.of(), c.send("USER alice"), "no answers after close");
        assertEquals(0, alice.opens);
    }

    @Test
    void protocolRefusedByClassOfServiceIsAuthWithoutCountingAFailureRfc3206() {
        c.drain();
        port.refusedByProfile.put("alice", "imap-only");
        for (int i = 0; i < 4; i++) {
            assertEquals("-ERR [AUTH] POP3 access is not enabled for this account", c.login("alice", "secret"));
        }
        assertFalse(c.out.closed(), "refusals are no password failures: the connection stays open");
        assertEquals(0, alice.opens, "the maildrop is not opened");
        assertEquals(List.of(Pop3Session.WRONG_STATE), c.send("STAT"), "still in AUTHORIZATION");
        assertEquals(PassCommand.AUTH_FAILED, c.login("alice", "wrong"), "a wrong password is still a failure");
        port.refusedByProfile.remove("alice");
        assertTrue(c.login("alice", "secret").startsWith("+OK 3 messages"));
    }

    @Test
    void failedLoginIsDelayed() {
        Pop3Harness slow = new Pop3Harness(port, new Pop3Settings("h.example", 600, 255, 40, 3, 60, "Atrium"));
        slow.drain();
        long start = System.nanoTime();
        assertEquals(PassCommand.AUTH_FAILED, slow.login("alice", "wrong"));
        assertTrue(System.nanoTime() - start >= 60_000_000L, "the failure answer waits authFailureDelayMillis");
    }

    @Test
    void busyMaildropAnswersInUseAndStaysInAuthorization() {
        Pop3Harness first = new Pop3Harness(port);
        assertTrue(first.login("alice", "secret").startsWith("+OK"));
        c.drain();
        assertEquals("-ERR [IN-USE] maildrop already in use", c.login("alice", "secret"));
        assertEquals(List.of(Pop3Session.WRONG_STATE), c.send("STAT"), "still in AUTHORIZATION");
        first.send("QUIT");
        assertTrue(c.login("alice", "secret").startsWith("+OK 3 messages"), "the lock was released by QUIT");
    }

    @Test
    void storeFailuresAnswerSysTemp() {
        c.drain();
        port.openFailure = new IllegalStateException("database down");
        assertEquals("-ERR [SYS/TEMP] maildrop temporarily unavailable", c.login("alice", "secret"));
        port.openFailure = null;
        port.authFailure = new IllegalStateException("directory down");
        assertEquals("-ERR [SYS/TEMP] authentication temporarily unavailable", c.login("alice", "secret"));
        port.authFailure = null;
        assertTrue(c.login("alice", "secret").startsWith("+OK"), "store failures are not counted as login failures");
    }

    @Test
    void messageNotEndingInCrlfGetsOneBeforeTheTerminator() {
        c.login("alice", "secret");
        assertEquals(List.of("+OK " + len(M2) + " octets", "Subject: two", "", "line1", "line2", "no final crlf", "."),
                c.send("RETR 2"));
    }

    @Test
    void topWithZeroAndWithMoreLinesThanTheBodyHas() {
        c.login("alice", "secret");
        assertEquals(List.of("+OK top of message follows", "Subject: two", "", "."), c.send("TOP 2 0"));
        assertEquals(List.of("+OK top of message follows", "Subject: two", "", "line1", "."), c.send("TOP 2 1"));
        assertEquals(List.of("+OK top of message follows", "Subject: two", "", "line1", "line2", "no final crlf", "."),
                c.send("TOP 2 99"));
        assertEquals(List.of("+OK top of message follows", "From: a@example.org", "Subject: one", "", "Hello",
                "..hidden dot", "."), c.send("TOP 1 2"), "body lines are dot-stuffed too");
        assertEquals(List.of("+OK top of message follows", "Subject: three", "", "body", "."),
                c.send("TOP 3 99999999999999999999999999999"), "a huge count means the whole message");
    }

    @Test
    void topRefusesABadLineCount() {
        c.login("alice", "secret");
        assertEquals(List.of("-ERR line count must be a non-negative number"), c.send("TOP 1 -1"));
        assertEquals(List.of("-ERR line count must be a non-negative number"), c.send("TOP 1 x"));
        assertEquals(List.of("-ERR missing argument"), c.send("TOP 1"));
        assertEquals(List.of("-ERR too many arguments"), c.send("TOP 1 2 3"));
    }

    @Test
    void messageNumbersAreStrictDecimalWithinRange() {
        c.login("alice", "secret");
        for (String bad : List.of("x", "-1", "+1", "1x", "0x1", "1.0")) {
            assertEquals(List.of("-ERR invalid message number"), c.send("RETR " + bad), bad);
        }
        for (String out : List.of("0", "4", "99999999999999999999999")) {
            assertEquals(List.of("-ERR no such message"), c.send("LIST " + out), out);
            assertEquals(List.of("-ERR no such message"), c.send("DELE " + out), out);
        }
        assertEquals(List.of("+OK 1 uid-1"), c.send("UIDL 01"));
        assertEquals(List.of("-ERR missing argument"), c.send("RETR"));
        assertEquals(List.of("-ERR too many arguments"), c.send("STAT 1"));
        assertEquals(List.of("+OK 2 " + len(M2)), c.send("LIST  2 "), "extra spaces are tolerated");
    }

    @Test
    void deleThenQuitExpungesExactlyTheMarkedEntries() {
        c.login("alice", "secret");
        c.send("DELE 3");
        c.send("DELE 1");
        assertEquals(List.of("+OK mail.example.org POP3 server signing off (1 messages left)"), c.send("QUIT"));
        assertEquals(1, alice.expunged.size());
        assertEquals(List.of("uid-1", "uid-3"), alice.expunged.get(0).stream().map(MaildropEntry::uniqueId).toList());
        assertEquals(1, alice.closes);
    }

    @Test
    void deleThenDroppedConnectionExpungesNothing() {
        c.login("alice", "secret");
        c.send("DELE 1");
        c.session.onClose();
        assertTrue(alice.expunged.isEmpty());
        assertEquals(1, alice.closes);
        assertFalse(alice.locked);
        c.session.onClose();
        assertEquals(1, alice.closes, "released once");
    }

    @Test
    void deleThenIdleTimeoutExpungesNothingAndSaysNothing() {
        c.login("alice", "secret");
        c.send("DELE 1");
        c.session.onIdle();
        assertEquals(List.of(), c.drain(), "RFC 1939 §3: no response on autologout");
        assertTrue(c.out.closed());
        assertTrue(alice.expunged.isEmpty());
        assertEquals(1, alice.closes);
        c.session.onClose();
        assertEquals(1, alice.closes);
    }

    @Test
    void rsetUndoesDele() {
        c.login("alice", "secret");
        c.send("DELE 1");
        c.send("DELE 2");
        c.send("RSET");
        assertEquals(List.of("+OK 1 uid-1"), c.send("UIDL 1"));
        c.send("QUIT");
        assertTrue(alice.expunged.isEmpty(), "nothing marked after RSET: expunge is not even called");
    }

    @Test
    void expungeFailureIsReportedAndTheLockStillReleased() {
        alice.expungeFailure = new IOException("disk full");
        c.login("alice", "secret");
        c.send("DELE 1");
        assertEquals(List.of("-ERR [SYS/TEMP] some deleted messages not removed"), c.send("QUIT"));
        assertTrue(c.out.closed());
        assertEquals(1, alice.closes);
    }

    @Test
    void quitInAuthorizationSignsOff() {
        c.drain();
        assertEquals(List.of("+OK mail.example.org POP3 server signing off"), c.send("quit"));
        assertTrue(c.out.closed());
        assertEquals(0, alice.opens);
    }

    @Test
    void argumentOverFortyOctetsIsRefused() {
        c.login("alice", "secret");
        String fortyOne = "0".repeat(40) + "1";
        assertEquals(List.of("-ERR argument too long"), c.send("RETR " + fortyOne));
        assertEquals(List.of("+OK 1 " + len(M1)), c.send("LIST " + "0".repeat(39) + "1"), "exactly 40 is fine");
    }

    @Test
    void lineTooLongIsRefusedAndTheSessionGoesOn() {
        c.drain();
        assertEquals(253, c.session.maxLineLength(), "RFC 2449 §4: 255 octets including CRLF");
        assertEquals(List.of("-ERR line too long"), c.type("USER " + "a".repeat(300) + "\r\n"));
        assertEquals(List.of("+OK send PASS"), c.type("USER alice\r\n"));
        assertEquals(List.of("+OK 3 messages (" + (len(M1) + len(M2) + len(M3)) + " octets)"), c.type("PASS secret\r\n"));
    }

    @Test
    void longestAllowedLineIsAccepted() {
        c.drain();
        String line = "USER " + "a".repeat(253 - 5);
        assertEquals(253, line.length());
        assertEquals(List.of("+OK send PASS"), c.type(line + "\r\n"));
    }

    @Test
    void unknownAndEmptyCommands() {
        c.drain();
        assertEquals(List.of("-ERR unknown command"), c.send("HELO"));
        assertEquals(List.of("-ERR unknown command"), c.send(""));
        assertEquals(List.of("-ERR unknown command"), c.send("APOP alice 0123"));
    }

    @Test
    void commandsInTheWrongState() {
        c.drain();
        assertEquals(List.of(Pop3Session.WRONG_STATE), c.send("STAT"));
        assertEquals(List.of(Pop3Session.WRONG_STATE), c.send("RETR 1"));
        c.login("alice", "secret");
        assertEquals(List.of(Pop3Session.WRONG_STATE), c.send("USER alice"));
        assertEquals(List.of(Pop3Session.WRONG_STATE), c.send("PASS secret"));
    }

    @Test
    void capaInBothStates() {
        List<String> expected = List.of("+OK capability list follows", "TOP", "USER", "UIDL", "RESP-CODES",
                "AUTH-RESP-CODE", "PIPELINING", "EXPIRE NEVER", "IMPLEMENTATION Atrium", ".");
        c.drain();
        assertEquals(expected, c.send("CAPA"));
        c.login("alice", "secret");
        assertEquals(expected, c.send("capa"));
    }

    @Test
    void everyReplyIsFlushed() {
        c.drain();
        int before = c.out.flushes();
        c.send("CAPA");
        c.send("NOOP");
        assertEquals(before + 2, c.out.flushes());
    }
}
