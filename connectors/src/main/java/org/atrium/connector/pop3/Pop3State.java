package org.atrium.connector.pop3;

import java.util.Set;

/**
 * The states of a POP3 session (RFC 1939 §3) and the commands each accepts.
 *
 * <p>A session starts in {@link #AUTHORIZATION}, moves to {@link #TRANSACTION} once the client is identified and the
 * maildrop is locked, and to {@link #UPDATE} only on QUIT from TRANSACTION (RFC 1939 §6). There is no way back: a
 * failed login stays in AUTHORIZATION, and a lost connection ends the session without ever entering UPDATE, so
 * nothing is expunged. A command issued in a state that does not list it gets {@code -ERR} (RFC 1939 §3).
 * CAPA is valid in AUTHORIZATION and TRANSACTION (RFC 2449 §5); STLS only in AUTHORIZATION (RFC 2595 §4).
 */
public enum Pop3State {

    /** RFC 1939 §4: identify the client (USER/PASS). */
    AUTHORIZATION(Set.of("USER", "PASS", "QUIT", "CAPA", "STLS")),

    /** RFC 1939 §5: the maildrop is locked and may be read and marked. */
    TRANSACTION(Set.of("STAT", "LIST", "RETR", "DELE", "NOOP", "RSET", "TOP", "UIDL", "QUIT", "CAPA")),

    /** RFC 1939 §6: marked messages are removed and the connection closes; no further commands. */
    UPDATE(Set.of());

    private final Set<String> verbs;

    Pop3State(Set<String> verbs) {
        this.verbs = verbs;
    }

    /** Whether the upper-case {@code verb} is valid in this state. */
    public boolean allows(String verb) {
        return verbs.contains(verb);
    }

    /** The upper-case verbs valid in this state. */
    public Set<String> verbs() {
        return verbs;
    }

    /** The only transitions RFC 1939 §3 knows: AUTHORIZATION to TRANSACTION, TRANSACTION to UPDATE. */
    public boolean canMoveTo(Pop3State next) {
        return switch (this) {
            case AUTHORIZATION -> next == TRANSACTION;
            case TRANSACTION -> next == UPDATE;
            case UPDATE -> false;
        };
    }
}
