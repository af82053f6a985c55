package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (state, command) pair, against a table written out here from RFC 3501 §6.1-§6.4 and the extension RFCs
 * rather than read from the processors, so a wrong {@code validIn()} fails the test: a valid command is processed
 * (its tagged response is not a state BAD), an invalid one gets {@code tag BAD <NAME> is not valid in <state> state}.
 */
class ImapStateTableTest {

    private static final Set<String> ANY = Set.of("CAPABILITY", "NOOP", "LOGOUT", "ID");
    private static final Set<String> AUTHENTICATED = Set.of("SELECT", "EXAMINE", "CREATE", "DELETE", "RENAME",
            "SUBSCRIBE", "UNSUBSCRIBE", "LIST", "LSUB", "NAMESPACE", "STATUS", "APPEND", "IDLE", "GETQUOTA",
            "GETQUOTAROOT", "SETQUOTA",
            // RFC 4314 §3: the ACL commands, valid wherever a mailbox can be named.
            "SETACL", "DELETEACL", "GETACL", "LISTRIGHTS", "MYRIGHTS");

    /** RFC 3501 §6.1 any state; §6.2 not authenticated; §6.3 authenticated (and selected); §6.4 selected. */
    private static final Map<ImapState, Set<String>> VALID = Map.of(
            ImapState.NOT_AUTHENTICATED, union(ANY, Set.of("STARTTLS", "LOGIN", "AUTHENTICATE")),
            // RFC 5161 §3.1: ENABLE only in authenticated state.
            ImapState.AUTHENTICATED, union(ANY, AUTHENTICATED, Set.of("ENABLE")),
            // RFC 3501 §6.4, RFC 4315 §2.1 (UID EXPUNGE), RFC 6851 (MOVE), RFC 5256 (SORT, THREAD).
            ImapState.SELECTED, union(ANY, AUTHENTICATED, Set.of("CHECK", "CLOSE", "UNSELECT", "FETCH", "STORE",
                    "SEARCH", "COPY", "MOVE", "EXPUNGE", "SORT", "THREAD")));

    private static final String PLAIN = Base64.getEncoder()
            .encodeToString("\0alice\0secret".getBytes(StandardCharsets.UTF_8));

    /** Arguments that make each command succeed or fail for a reason other than the state. */
    private static final Map<String, String> ARGS = Map.ofEntries(Map.entry("ID", " NIL"),
            Map.entry("LOGIN", " alice secret"), Map.entry("AUTHENTICATE", " PLAIN " + PLAIN),
            Map.entry("ENABLE", " CONDSTORE"), Map.entry("SELECT", " INBOX"), Map.entry("EXAMINE", " INBOX"),
            Map.entry("CREATE", " NewBox"), Map.entry("DELETE", " Old"), Map.entry("RENAME", " Old New"),
            Map.entry("SUBSCRIBE", " INBOX"), Map.entry("UNSUBSCRIBE", " INBOX"), Map.entry("LIST", " \"\" *"),
            Map.entry("LSUB", " \"\" *"), Map.entry("STATUS", " INBOX (MESSAGES)"),
            Map.entry("APPEND", " INBOX {12+}\r\nSubject: x\r\n"), Map.entry("GETQUOTA", " \"\""),
            Map.entry("GETQUOTAROOT", " INBOX"), Map.entry("SETQUOTA", " \"\" (STORAGE 10)"),
            Map.entry("FETCH", " 1 FLAGS"), Map.entry("STORE", " 1 +FLAGS (\\Seen)"), Map.entry("SEARCH", " ALL"),
            Map.entry("COPY", " 1 Old"), Map.entry("MOVE", " 1 Old"), Map.entry("SORT", " (DATE) UTF-8 ALL"),
            Map.entry("THREAD", " REFERENCES UTF-8 ALL"), Map.entry("SETACL", " INBOX bob@example.org +lr"),
            Map.entry("DELETEACL", " INBOX bob@example.org"), Map.entry("GETACL", " INBOX"),
            Map.entry("LISTRIGHTS", " INBOX bob@example.org"), Map.entry("MYRIGHTS", " INBOX"));

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        List<String> all = new ArrayList<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }

    private static final InMemoryMailStore STORE_FOR_NAMES = new InMemoryMailStore();

    static Stream<Arguments> pairs() {
        Set<String> commands = new ImapSessionFactory(STORE_FOR_NAMES, ImapSettings.defaults("h"),
                ImapHarness.CLOCK).commands();
        List<Arguments> out = new ArrayList<>();
        for (ImapState state : List.of(ImapState.NOT_AUTHENTICATED, ImapState.AUTHENTICATED, ImapState.SELECTED)) {
            for (String command : commands) {
                out.add(Arguments.of(state, command));
            }
        }
        return out.stream();
    }

    @Test
    void everyRegisteredCommandIsInTheTable() {
        Set<String> table = union(VALID.get(ImapState.NOT_AUTHENTICATED), VALID.get(ImapState.AUTHENTICATED),
                VALID.get(ImapState.SELECTED));
        Set<String> commands = new ImapSessionFactory(STORE_FOR_NAMES, ImapSettings.defaults("h"),
                ImapHarness.CLOCK).commands();
        for (String command : commands) {
            assertTrue(table.contains(command), command + ": extend VALID for a new processor, citing its RFC");
        }
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("pairs")
    void commandIsAcceptedExactlyInItsStates(ImapState state, String command) {
        ImapHarness h = sessionIn(state);
        List<String> response = h.type("T " + command + ARGS.getOrDefault(command, "") + "\r\n");
        if (VALID.get(state).contains(command)) {
            if (command.equals("IDLE")) {
                assertEquals(List.of("+ idling"), response);
                response = h.type("DONE\r\n");
            }
            String tagged = ImapHarness.last(response);
            assertTrue(tagged.startsWith("T OK ") || tagged.startsWith("T NO "), response.toString());
            assertFalse(tagged.contains("not valid in"), response.toString());
        } else {
            assertEquals(List.of("T BAD " + command + " is not valid in " + state.text() + " state"), response);
        }
    }

    private static ImapHarness sessionIn(ImapState state) {
        InMemoryMailStore store = new InMemoryMailStore();
        store.addAccount("alice", "secret");
        store.addFolder("alice", "Old", null);
        store.deliver("alice", "INBOX", "Subject: x\r\n\r\nbody\r\n");
        ImapHarness h = new ImapHarness(store);
        h.drain();
        if (state != ImapState.NOT_AUTHENTICATED) {
            h.login("alice", "secret");
        }
        if (state == ImapState.SELECTED) {
            assertEquals("S OK [READ-WRITE] SELECT completed", ImapHarness.last(h.send("S SELECT INBOX")));
        }
        return h;
    }
}
