package org.atrium.connector.imap;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of an IMAP connection (RFC 3501 §3, figure in §3.5; RFC 9051 §3). Each processor declares the states it
 * is valid in with one of the sets here; the session refuses a command outside them with a tagged BAD.
 *
 * <p>Transitions: NOT_AUTHENTICATED → AUTHENTICATED (LOGIN, AUTHENTICATE; §3.1), AUTHENTICATED ↔ SELECTED (SELECT,
 * EXAMINE; CLOSE, UNSELECT or a failed SELECT go back; §3.3), any state → LOGOUT (LOGOUT, autologout, BYE; §3.4).
 * No command is valid in LOGOUT: the connection is closing.
 */
public enum ImapState {
    NOT_AUTHENTICATED("not authenticated"),
    AUTHENTICATED("authenticated"),
    SELECTED("selected"),
    LOGOUT("logout");

    /** RFC 3501 §6.1: CAPABILITY, NOOP, LOGOUT (and ID, ENABLE-free extensions) are valid in any state. */
    public static final Set<ImapState> ANY = Set.copyOf(EnumSet.of(NOT_AUTHENTICATED, AUTHENTICATED, SELECTED));
    /** RFC 3501 §6.2: STARTTLS, AUTHENTICATE, LOGIN. */
    public static final Set<ImapState> NOT_AUTHENTICATED_ONLY = Set.of(NOT_AUTHENTICATED);
    /** RFC 3501 §6.3: SELECT ... APPEND, valid once authenticated, with or without a selected mailbox. */
    public static final Set<ImapState> AUTHENTICATED_OR_SELECTED = Set.copyOf(EnumSet.of(AUTHENTICATED, SELECTED));
    /** RFC 5161 §3.1: ENABLE only in AUTHENTICATED state (before any SELECT affects the mailbox view). */
    public static final Set<ImapState> AUTHENTICATED_ONLY = Set.of(AUTHENTICATED);
    /** RFC 3501 §6.4: CHECK ... UID, valid only with a selected mailbox. */
    public static final Set<ImapState> SELECTED_ONLY = Set.of(SELECTED);

    private final String text;

    ImapState(String text) {
        this.text = text;
    }

    /** How the state reads in a BAD response text, e.g. {@code not authenticated}. */
    public String text() {
        return text;
    }
}
