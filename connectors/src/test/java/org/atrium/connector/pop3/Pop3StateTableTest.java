package org.atrium.connector.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every (state, command) pair, against a table written out here from RFC 1939 §4-§7 and RFC 2449 §5 rather than
 * read from {@link Pop3State}, so a wrong entry in the enum fails the test.
 */
class Pop3StateTableTest {

    private static final List<String> ALL = List.of("USER", "PASS", "QUIT", "STAT", "LIST", "RETR", "DELE", "NOOP",
            "RSET", "TOP", "UIDL", "CAPA", "STLS");

    private static final Map<Pop3State, Set<String>> VALID = Map.of(
            Pop3State.AUTHORIZATION, Set.of("USER", "PASS", "QUIT", "CAPA", "STLS"),
            Pop3State.TRANSACTION, Set.of("STAT", "LIST", "RETR", "DELE", "NOOP", "RSET", "TOP", "UIDL", "QUIT", "CAPA"),
            Pop3State.UPDATE, Set.of());

    /** A plausible argument list per verb, so that a valid command fails, if at all, for another reason. */
    private static final Map<String, String> ARGS = Map.ofEntries(Map.entry("USER", " alice"),
            Map.entry("PASS", " secret"), Map.entry("LIST", " 1"), Map.entry("RETR", " 1"), Map.entry("DELE", " 1"),
            Map.entry("TOP", " 1 0"), Map.entry("UIDL", " 1"));

    private Pop3Harness sessionIn(Pop3State state) {
        FakeMaildropPort port = new FakeMaildropPort();
        port.addAccount("alice", "secret").add("u1", "Subject: x\r\n\r\nbody\r\n");
        Pop3Harness h = new Pop3Harness(port);
        h.drain();
        if (state == Pop3State.TRANSACTION) {
            assertTrue(h.login("alice", "secret").startsWith("+OK"));
        }
        return h;
    }

    @Test
    void everyStateCommandPairOverTheWire() {
        for (Pop3State state : List.of(Pop3State.AUTHORIZATION, Pop3State.TRANSACTION)) {
            for (String verb : ALL) {
                List<String> reply = sessionIn(state).send(verb.toLowerCase() + ARGS.getOrDefault(verb, ""));
                String pair = state + " " + verb + " -> " + reply;
                if (VALID.get(state).contains(verb)) {
                    assertNotEquals(Pop3Session.WRONG_STATE, reply.get(0), pair);
                } else {
                    assertEquals(List.of(Pop3Session.WRONG_STATE), reply, pair);
                }
            }
        }
    }

    @Test
    void enumMatchesTheTableInEveryState() {
        for (Pop3State state : Pop3State.values()) {
            for (String verb : ALL) {
                assertEquals(VALID.get(state).contains(verb), state.allows(verb), state + " " + verb);
            }
            assertEquals(VALID.get(state), state.verbs(), state.toString());
        }
    }

    /** UPDATE is passed through within QUIT; a line that arrives after it is not answered at all. */
    @Test
    void noCommandIsAnsweredOnceUpdateIsEntered() {
        for (String verb : ALL) {
            Pop3Harness h = sessionIn(Pop3State.TRANSACTION);
            h.send("QUIT");
            assertEquals(List.of(), h.send(verb + ARGS.getOrDefault(verb, "")), verb);
        }
    }

    @Test
    void onlyTheRfcTransitionsExist() {
        for (Pop3State from : Pop3State.values()) {
            for (Pop3State to : Pop3State.values()) {
                boolean expected = from == Pop3State.AUTHORIZATION && to == Pop3State.TRANSACTION
                        || from == Pop3State.TRANSACTION && to == Pop3State.UPDATE;
                assertEquals(expected, from.canMoveTo(to), from + " -> " + to);
            }
        }
        assertFalse(Pop3State.UPDATE.canMoveTo(Pop3State.AUTHORIZATION));
    }
}
