package org.atrium.connector.imap;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.atrium.connector.imap.message.ImapResponseBuilder;
import org.atrium.connector.imap.port.ImapMailStore;
import org.atrium.connector.imap.port.MailboxException;
import org.atrium.connector.net.ConnectionInfo;

/**
 * What a processor may use of its session (RFC 3501 §2.2.2 server responses): the store, settings and clock, the
 * output, and the session state (account, selected mailbox, enabled extensions, saved search result, state
 * transitions). Implemented by {@link ImapSession}; valid only during the processor call (and, for continuation
 * readers, the calls that follow it).
 *
 * <p>Every tagged response in SELECTED state is preceded by a refresh of the {@link SelectedMailbox} from the store,
 * so the client learns of deliveries and other sessions' changes (RFC 3501 §5.2, §7: untagged updates before the
 * tagged response). Tagged responses flush the output.
 */
public interface ImapContext {

    /** ENABLE-able extensions (RFC 5161) the session tracks. */
    String CONDSTORE = "CONDSTORE";
    String QRESYNC = "QRESYNC";
    String UTF8_ACCEPT = "UTF8=ACCEPT";
    /** RFC 9051 §6.3.1: spelt as advertised, although ENABLE matches it case-insensitively. */
    String IMAP4REV2 = "IMAP4rev2";

    ImapMailStore store();

    ImapSettings settings();

    Clock clock();

    ConnectionInfo connection();

    ImapState state();

    /**
     * The capability atoms this server advertises on this connection now, in order (without the leading
     * {@code CAPABILITY}): STARTTLS only while {@link #startTlsOffered()}.
     */
    List<String> capabilities();

    /** Whether STARTTLS may be used: the listener has TLS and this connection is not under TLS yet. */
    boolean startTlsOffered();

    /**
     * Before the tagged OK to STARTTLS: switches the connection to TLS when that OK is flushed, discarding whatever the
     * client pipelined after the command (literals in progress included), and forgets the connection's state (RFC 3501
     * §6.2.1).
     */
    void startTls();

    // ---- output ----

    /** Sends {@code * text}. */
    void untagged(String text);

    /** Sends {@code + text} and flushes (RFC 3501 §7.5). */
    void continuation(String text);

    /** Sends a response built by an {@link ImapResponseBuilder}, which must end with CRLF. */
    void send(ImapResponseBuilder response);

    /** Sends raw octets (message content inside a FETCH response being streamed). */
    void sendRaw(byte[] bytes, int off, int len);

    /** {@code tag OK text}. */
    default void ok(String tag, String text) {
        tagged(tag, "OK", null, text);
    }

    /** {@code tag OK [code] text}; {@code code} without brackets, e.g. {@code READ-WRITE}. */
    default void ok(String tag, String code, String text) {
        tagged(tag, "OK", code, text);
    }

    default void no(String tag, String text) {
        tagged(tag, "NO", null, text);
    }

    default void no(String tag, String code, String text) {
        tagged(tag, "NO", code, text);
    }

    /** {@code tag NO [CODE] message} for a refused store operation (RFC 5530 response codes). */
    default void no(String tag, MailboxException e) {
        tagged(tag, "NO", e.code().text(), e.getMessage());
    }

    default void bad(String tag, String text) {
        tagged(tag, "BAD", null, text);
    }

    /**
     * The tagged response ending a command: refreshes the selected mailbox first (sending its untagged updates),
     * then {@code tag status [code] text}, then flushes.
     *
     * @param code the response code without brackets, or null
     */
    void tagged(String tag, String status, String code, String text);

    // ---- session state ----

    /** The account LOGIN or AUTHENTICATE established; empty before. */
    Optional<String> account();

    /** The account, in AUTHENTICATED or SELECTED state. */
    default String requireAccount() {
        return account().orElseThrow(() -> new IllegalStateException("not authenticated"));
    }

    /** Enters AUTHENTICATED state for the account the store returned (RFC 3501 §6.2.2, §6.2.3). */
    void authenticated(String account);

    /** The selected mailbox, empty outside SELECTED state. */
    Optional<SelectedMailbox> selected();

    /** The selected mailbox; processors valid only in SELECTED state use this. */
    default SelectedMailbox requireSelected() {
        return selected().orElseThrow(() -> new IllegalStateException("no mailbox selected"));
    }

    /**
     * Enters SELECTED state with a new view and watches its folder for changes; a view already selected is closed
     * first (its watch stopped).
     */
    void select(SelectedMailbox mailbox);

    /** Leaves SELECTED state for AUTHENTICATED (CLOSE, UNSELECT, failed SELECT; RFC 3501 §6.3.1, §6.4.2). */
    void unselect();

    /** Whether an extension is enabled ({@link #CONDSTORE}, {@link #QRESYNC}, {@link #UTF8_ACCEPT},
     * {@link #IMAP4REV2}). */
    boolean enabled(String extension);

    Set<String> enabledExtensions();

    /**
     * Whether mailbox names and quoted strings are UTF-8 rather than modified UTF-7 and 7-bit: after ENABLE
     * UTF8=ACCEPT (RFC 6855 §3) or ENABLE IMAP4rev2 (RFC 9051 §5.1, §4.3).
     */
    default boolean utf8() {
        return enabled(UTF8_ACCEPT) || enabled(IMAP4REV2);
    }

    /**
     * Whether the session follows IMAP4rev2 (RFC 9051 §6.3.1, Appendix E): no RECENT responses or \Recent flag,
     * ESEARCH instead of SEARCH.
     */
    default boolean rev2() {
        return enabled(IMAP4REV2);
    }

    /**
     * Enables an extension (RFC 5161; RFC 7162 §3.1: a CONDSTORE-enabling command; QRESYNC implies CONDSTORE). An
     * extension that is not advertised stays off.
     */
    void enable(String extension);

    /** The saved search result of SEARCHRES (RFC 5182 §2.1), as UIDs; empty when none was saved. */
    List<Long> savedSearchResult();

    /** Replaces the saved search result (RFC 5182 §2.1 {@code SAVE}); cleared by SELECT/EXAMINE/UNSELECT/CLOSE. */
    void saveSearchResult(List<Long> uids);

    /**
     * Hands the next input line to {@code reader} instead of the command reader, for AUTHENTICATE's SASL responses
     * (RFC 3501 §6.2.2). The reader is used once; it may register itself again. Should it throw, the session answers
     * {@code tag NO [SERVERBUG]} for the command.
     *
     * @param tag the tag of the command waiting for the line
     */
    void awaitContinuation(String tag, ContinuationReader reader);

    /**
     * Enters IDLE (RFC 2177 §3): untagged updates are sent as the folder changes, until the client sends
     * {@code DONE}, which the session answers with {@code tag OK IDLE terminated}. The caller has already sent the
     * {@code + idling} continuation.
     */
    void idle(String tag);

    /** Ends the connection after the current response: state LOGOUT (RFC 3501 §3.4). */
    void logout();

    /** One operator log line for this connection; never a password or message content. */
    void event(String what);

    /** One input line read outside the command reader (SASL responses). */
    @FunctionalInterface
    interface ContinuationReader {
        void onLine(String line, ImapContext ctx);
    }
}
