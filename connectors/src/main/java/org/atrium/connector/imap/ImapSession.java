package org.atrium.connector.imap;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.atrium.connector.imap.message.ImapResponseBuilder;
import org.atrium.connector.imap.port.FolderChanges;
import org.atrium.connector.imap.port.ImapMailStore;
import org.atrium.connector.imap.port.MailboxException;
import org.atrium.connector.net.ConnectionInfo;
import org.atrium.connector.net.Line;
import org.atrium.connector.net.LogValues;
import org.atrium.connector.net.OctetAwareSession;
import org.atrium.connector.net.SessionOutput;

/**
 * One IMAP4rev1 conversation (RFC 3501): frames input with an {@link ImapRequestReader}, parses commands with
 * {@link ImapCommandParsers}, checks them against the {@link ImapState} and runs their {@link ImapProcessor}, which
 * reaches the session through {@link ImapContext} (implemented here).
 *
 * <p>All protocol state of the connection lives here: the state, the account, the {@link SelectedMailbox} and the
 * watch on its folder, enabled extensions, the saved search result, and the input modes that bypass the command
 * reader (AUTHENTICATE's SASL responses, IDLE's DONE). The host calls one method at a time on a worker thread
 * ({@link org.atrium.connector.net.ProtocolSession}); folder notifications arrive through
 * {@link SessionOutput#post}, so nothing here needs a lock.
 *
 * <p>Invariants: every command gets exactly one tagged response, whatever its processor throws (RFC 3501 §2.2.2: a
 * server bug is {@code NO [SERVERBUG]}, never a dropped connection); before each tagged response in SELECTED state
 * the view is refreshed from the store; EXPUNGE responses are held back while a FETCH, STORE or SEARCH runs
 * (RFC 3501 §7.4.1); the folder watch is closed whenever the view is dropped; no log line holds a password or
 * literal content; after LOGOUT, BYE or close further input is ignored.
 */
public final class ImapSession implements OctetAwareSession, ImapContext {

    /** Operators filter on this logger name. */
    static final System.Logger LOG = System.getLogger("org.atrium.connector.imap");

    /** RFC 3501 §7.5. */
    static final String LITERAL_CONTINUATION = "Ready for literal data";

    private ConnectionInfo connection;
    private final SessionOutput output;
    private final ImapMailStore store;
    private final ImapSettings settings;
    private final Clock clock;
    private final ImapSessionFactory.Registry registry;
    private ImapRequestReader reader;

    private ImapState state = ImapState.NOT_AUTHENTICATED;
    private String account;
    private SelectedMailbox selected;
    private AutoCloseable watch;
    private final Set<String> enabled = new LinkedHashSet<>();
    private List<Long> savedSearch = List.of();
    private ContinuationReader continuation;
    private String continuationTag;
    private String idleTag;
    /** Whether the running command may be preceded by EXPUNGE responses (RFC 3501 §7.4.1). */
    private boolean expungeAllowed = true;
    /** Whether the running command's tagged response refreshes the selected view first. */
    private boolean refreshBeforeTagged;
    private int consecutiveBad;
    /** Whether the running command has had its tagged response. */
    private boolean answered;
    private boolean closed;

    ImapSession(ConnectionInfo connection, SessionOutput output, ImapMailStore store, ImapSettings settings,
            Clock clock, ImapSessionFactory.Registry registry) {
        this.connection = connection;
        this.output = output;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.registry = registry;
        this.reader = new ImapRequestReader(registry.limits());
    }

    // ---- ProtocolSession ----

    @Override
    public void start() {
        event("connect");
        output.send("* OK [CAPABILITY " + String.join(" ", capabilities()) + "] " + settings.hostname()
                + " Atrium IMAP4rev1 ready");
        output.flush();
    }

    @Override
    public void onLine(Line line) {
        if (closed) {
            return;
        }
        if (continuation != null) {
            ContinuationReader r = continuation;
            String tag = continuationTag;
            continuation = null;
            continuationTag = null;
            try {
                r.onLine(line.text(), this);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, prefix() + " continuation of " + tag + " failed", e);
                no(tag, "SERVERBUG", "Internal server error");
            }
            return;
        }
        if (idleTag != null) {
            endIdle(line);
            return;
        }
        handle(reader.onLine(line));
    }

    @Override
    public long pendingOctets() {
        return closed ? 0 : reader.remainingLiteralOctets();
    }

    @Override
    public void onOctets(byte[] data, int off, int len) {
        if (!closed) {
            handle(reader.onLiteralBytes(data, off, len));
        }
    }

    /** RFC 3501 §5.4: the autologout timer; the client is told why before the connection closes. */
    @Override
    public void onIdle() {
        if (closed) {
            return;
        }
        event("autologout after " + settings.idleTimeoutSeconds() + "s idle");
        output.send("* BYE Autologout; idle too long");
        close();
    }

    @Override
    public void onClose() {
        if (!closed) {
            event("disconnect in " + state.text() + " state");
            closed = true;
        }
        releaseView();
    }

    @Override
    public int maxLineLength() {
        return registry.limits().maxLineLength();
    }

    @Override
    public int idleTimeoutSeconds() {
        return settings.idleTimeoutSeconds();
    }

    // ---- command flow ----

    private void handle(ImapRequestReader.Step step) {
        if (step instanceof ImapRequestReader.Step.Complete c) {
            execute(c.command());
        } else if (step instanceof ImapRequestReader.Step.NeedLiteral n) {
            if (n.synchronizing()) {
                continuation(LITERAL_CONTINUATION);
            }
        } else if (step instanceof ImapRequestReader.Step.Bad b) {
            refreshBeforeTagged = false;
            bad(b.tag(), b.message());
        } else if (step instanceof ImapRequestReader.Step.TooBig t) {
            refreshBeforeTagged = false;
            no(t.tag(), "TOOBIG", "Literal of " + t.octets() + " octets is too large");
        } else if (step instanceof ImapRequestReader.Step.Fatal f) {
            event("closing: " + f.message());
            output.send("* BYE " + f.message());
            close();
        }
    }

    private void execute(ImapCommandLine command) {
        refreshBeforeTagged = false;
        expungeAllowed = true;
        ImapCommandParsers.Result result = registry.parsers().parse(command, utf8());
        if (result instanceof ImapCommandParsers.Result.Bad b) {
            bad(b.tag(), b.message());
            return;
        }
        ImapRequest request = ((ImapCommandParsers.Result.Parsed) result).request();
        String name = processorName(command);
        ImapProcessor<?> processor = registry.processors().get(name);
        String shown = command.name().equals("UID") ? "UID " + name : name;
        if (processor == null) {
            bad(request.tag(), shown + " is not supported");
            return;
        }
        if (!processor.validIn().contains(state)) {
            bad(request.tag(), shown + " is not valid in " + state.text() + " state");
            return;
        }
        run(processor, request, shown);
        if (state == ImapState.LOGOUT && !closed) {
            close();
        }
    }

    private <R extends ImapRequest> void run(ImapProcessor<R> processor, ImapRequest request, String shown) {
        String tag = request.tag();
        try {
            R typed = processor.requestType().cast(request);
            expungeAllowed = processor.allowsExpungeResponses(typed);
            refreshBeforeTagged = true;
            answered = false;
            processor.process(typed, this);
            if (!answered && continuation == null && idleTag == null && !closed) {
                LOG.log(Level.ERROR, prefix() + " " + shown + " ended without a tagged response");
                no(tag, "SERVERBUG", shown + " failed: internal server error");
            }
        } catch (MailboxException e) {
            answerFailure(tag, shown, null, e);
        } catch (IOException | RuntimeException e) {
            answerFailure(tag, shown, e, null);
        } finally {
            expungeAllowed = true;
        }
    }

    /**
     * A processor failed: one NO for the command, unless it had already answered (then only the log line), so the
     * client never sees two tagged responses for one tag.
     */
    private void answerFailure(String tag, String shown, Exception bug, MailboxException refused) {
        if (bug != null) {
            // A processor failure must leave the connection usable: one NO for this command, and a log line.
            LOG.log(Level.ERROR, prefix() + " " + shown + " failed", bug);
        }
        if (answered) {
            if (refused != null) {
                event(shown + " refused after its response: " + refused.code());
            }
            return;
        }
        if (refused != null) {
            no(tag, refused);
        } else {
            no(tag, "SERVERBUG", shown + " failed: internal server error");
        }
    }

    /** The processor's name: the command's, or for {@code UID FETCH} and the like the command after UID. */
    private static String processorName(ImapCommandLine command) {
        if (!command.name().equals("UID")) {
            return command.name();
        }
        String args = new String(command.segments().get(0), java.nio.charset.StandardCharsets.US_ASCII).trim();
        int sp = args.indexOf(' ');
        return (sp < 0 ? args : args.substring(0, sp)).toUpperCase(Locale.ROOT);
    }

    /** RFC 2177 §3: the only input during IDLE is {@code DONE}. */
    private void endIdle(Line line) {
        String tag = idleTag;
        idleTag = null;
        refreshBeforeTagged = true;
        expungeAllowed = true;
        if (line.text().equalsIgnoreCase("DONE")) {
            ok(tag, "IDLE terminated");
        } else {
            bad(tag, "Expected DONE to end IDLE");
        }
    }

    /** A folder watch fired: during IDLE the client hears of it now; otherwise at its next command. */
    private void folderChanged() {
        if (closed || selected == null || idleTag == null) {
            return;
        }
        refreshSelected(true);
        output.flush();
    }

    private void refreshSelected(boolean allowExpunge) {
        SelectedMailbox view = selected;
        if (view == null) {
            return;
        }
        try {
            FolderChanges changes = store.changes(account, view.folderId(), view.highestModseq(), !view.readOnly());
            for (String line : view.refresh(changes, new SelectedMailbox.Reporting(allowExpunge,
                    enabled(CONDSTORE), enabled(QRESYNC)))) {
                output.send("* " + line);
            }
        } catch (MailboxException e) {
            // Deleted or renamed away meanwhile: the view stays as it was; commands on it will get NO from the store.
            event("refresh of the selected folder failed: " + e.code());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, prefix() + " refresh of the selected folder failed", e);
        }
    }

    // ---- ImapContext ----

    @Override
    public ImapMailStore store() {
        return store;
    }

    @Override
    public ImapSettings settings() {
        return settings;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public ConnectionInfo connection() {
        return connection;
    }

    @Override
    public ImapState state() {
        return state;
    }

    @Override
    public List<String> capabilities() {
        return startTlsOffered() ? registry.capabilities() : ImapCapabilities.withoutStartTls(registry.capabilities());
    }

    @Override
    public boolean startTlsOffered() {
        return !connection.secure() && output.startTlsAvailable();
    }

    /**
     * RFC 3501 §6.2.1 / RFC 9051 §6.2.1: the session stays not authenticated and keeps nothing the client said
     * before TLS; the client must ask for CAPABILITY again. The host drops every plaintext byte after the command.
     */
    @Override
    public void startTls() {
        if (state != ImapState.NOT_AUTHENTICATED) {
            throw new IllegalStateException("STARTTLS outside not-authenticated state");
        }
        releaseView();
        enabled.clear();
        savedSearch = List.of();
        continuation = null;
        continuationTag = null;
        consecutiveBad = 0;
        reader = new ImapRequestReader(registry.limits());
        output.startTls();
        connection = connection.secured();
        event("starttls");
    }

    @Override
    public void onTlsEstablished(String protocol, String cipherSuite) {
        event("tls established protocol=" + protocol + " cipher=" + cipherSuite);
    }

    @Override
    public void untagged(String text) {
        output.send("* " + text);
    }

    @Override
    public void continuation(String text) {
        output.send("+ " + text);
        output.flush();
    }

    @Override
    public void send(ImapResponseBuilder response) {
        byte[] b = response.toByteArray();
        output.sendRaw(b, 0, b.length);
    }

    @Override
    public void sendRaw(byte[] bytes, int off, int len) {
        output.sendRaw(bytes, off, len);
    }

    @Override
    public void tagged(String tag, String status, String code, String text) {
        if (closed) {
            return;
        }
        if (refreshBeforeTagged && state == ImapState.SELECTED) {
            refreshSelected(expungeAllowed);
        }
        refreshBeforeTagged = false;
        answered = true;
        output.send(tag + " " + status + " " + (code == null ? "" : "[" + code + "] ") + text);
        output.flush();
        if (!status.equals("BAD")) {
            consecutiveBad = 0;
        } else if (++consecutiveBad >= settings.maxBadCommands()) {
            event("closing after " + consecutiveBad + " invalid commands");
            output.send("* BYE Too many invalid commands");
            close();
        }
    }

    @Override
    public Optional<String> account() {
        return Optional.ofNullable(account);
    }

    @Override
    public void authenticated(String canonical) {
        if (state != ImapState.NOT_AUTHENTICATED) {
            throw new IllegalStateException("already authenticated");
        }
        this.account = canonical;
        this.state = ImapState.AUTHENTICATED;
    }

    @Override
    public Optional<SelectedMailbox> selected() {
        return Optional.ofNullable(selected);
    }

    @Override
    public void select(SelectedMailbox mailbox) {
        if (account == null) {
            throw new IllegalStateException("not authenticated");
        }
        releaseView();
        selected = mailbox;
        savedSearch = List.of();
        state = ImapState.SELECTED;
        try {
            watch = store.watch(mailbox.folderId(), () -> output.post(this::folderChanged));
        } catch (RuntimeException e) {
            // Without a watch the client still sees changes at each command; only IDLE is less prompt.
            LOG.log(Level.WARNING, prefix() + " cannot watch the selected folder", e);
        }
    }

    @Override
    public void unselect() {
        releaseView();
        savedSearch = List.of();
        if (state == ImapState.SELECTED) {
            state = ImapState.AUTHENTICATED;
        }
    }

    @Override
    public boolean enabled(String extension) {
        return enabled.contains(extension);
    }

    @Override
    public Set<String> enabledExtensions() {
        return Set.copyOf(enabled);
    }

    @Override
    public void enable(String extension) {
        if (!capabilities().contains(extension)) {
            return; // never enable what is not advertised (RFC 5161 §3.1), whichever command asks
        }
        if (extension.equals(QRESYNC)) {
            enabled.add(CONDSTORE); // RFC 7162 §3.2.3: enabling QRESYNC implies CONDSTORE
        }
        enabled.add(extension);
    }

    @Override
    public List<Long> savedSearchResult() {
        return savedSearch;
    }

    @Override
    public void saveSearchResult(List<Long> uids) {
        savedSearch = List.copyOf(uids);
    }

    @Override
    public void awaitContinuation(String tag, ContinuationReader next) {
        this.continuationTag = tag;
        this.continuation = next;
    }

    @Override
    public void idle(String tag) {
        this.idleTag = tag;
        // Changes that happened before IDLE began are sent at once (RFC 2177 §3).
        refreshSelected(true);
        output.flush();
    }

    @Override
    public void logout() {
        releaseView();
        state = ImapState.LOGOUT;
        event("logout" + (account == null ? "" : " user=" + LogValues.loggable(account)));
    }

    @Override
    public void event(String what) {
        LOG.log(Level.INFO, () -> prefix() + " " + what);
    }

    // ---- internals ----

    private void close() {
        closed = true;
        releaseView();
        output.close();
    }

    private void releaseView() {
        AutoCloseable w = watch;
        watch = null;
        selected = null;
        idleTag = null;
        if (w != null) {
            try {
                w.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, prefix() + " closing the folder watch failed", e);
            }
        }
    }

    private String prefix() {
        return connection.logPrefix("imap");
    }

}
