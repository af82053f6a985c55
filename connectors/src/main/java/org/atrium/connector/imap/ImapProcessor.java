package org.atrium.connector.imap;

import java.io.IOException;
import java.util.Set;
import org.atrium.connector.imap.port.MailboxException;

/**
 * Executes one IMAP command (RFC 3501 §6): the processor stage of parser → request → processor → response.
 *
 * <p>Implementations are stateless singletons shared by every session (all state is reached through the
 * {@link ImapContext}); the session has already checked that the command is valid in the current state
 * ({@link #validIn()}). A processor ends every command with exactly one tagged response through the context, unless
 * it hands further input to the session (AUTHENTICATE, IDLE). A {@link MailboxException} thrown out of
 * {@link #process} becomes {@code tag NO [code] message}; any other exception {@code tag NO [SERVERBUG]}.
 *
 * @param <R> the request type the parser produces for this command
 */
public interface ImapProcessor<R extends ImapRequest> {

    /** The command name as the client sends it, upper case ({@code FETCH} also serves {@code UID FETCH}). */
    String name();

    Class<R> requestType();

    /** The states in which the command is valid (RFC 3501 §6.1-§6.4); one of the sets of {@link ImapState}. */
    Set<ImapState> validIn();

    void process(R request, ImapContext ctx) throws MailboxException, IOException;

    /**
     * Whether untagged EXPUNGE (or VANISHED) responses may be sent while this command runs. RFC 3501 §7.4.1: not
     * during FETCH, STORE or SEARCH, whose sequence numbers would shift under the client (RFC 5256 §3: nor SORT,
     * THREAD); their UID variants allow them. Expunges seen meanwhile stay pending in the {@link SelectedMailbox}.
     */
    default boolean allowsExpungeResponses(R request) {
        return true;
    }

}
