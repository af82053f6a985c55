package org.atrium.connector.smtp;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.atrium.connector.net.ConnectionInfo;
import org.atrium.connector.net.Line;
import org.atrium.connector.net.ProtocolSession;
import org.atrium.connector.net.SessionOutput;

/**
 * One inbound SMTP conversation (RFC 5321 §3, §4) with SIZE (RFC 1870), 8BITMIME (RFC 6152), PIPELINING (RFC 2920),
 * ENHANCEDSTATUSCODES (RFC 2034, RFC 3463), DSN (RFC 3461) and STARTTLS (RFC 3207).
 *
 * <p>Protection ({@link SmtpGuards}, shared by all SMTP listeners): connections per client address (421 at connect),
 * messages per sender per minute (450 at MAIL), DNS block lists on the MX listener (554 greeting, then 503 to all but
 * QUIT), routing loops (554 5.4.6 at end of data, RFC 5321 §6.3).
 *
 * <p>In submission mode (RFC 6409, the submission and submissions listeners) the session also offers AUTH PLAIN and
 * LOGIN (RFC 4954, RFC 4616): only under TLS, or on loopback when the administrator allows it; MAIL needs a prior
 * AUTH ({@code 530 5.7.0}); the reverse-path and the From field must be the user's own or granted to it
 * ({@code 553 5.7.1}, {@link MailIntake#mayUseSender}, {@link MailIntake#mayUseFrom}). The MX mode offers no AUTH.
 *
 * <p>Invariants: all protocol state lives here (state, HELO name, the open {@link SmtpTransaction}, counters); the
 * {@link SmtpCommand} handlers are stateless. Exactly one reply is written and flushed per command line, which is what
 * RFC 2920 requires of a pipelining server when lines are handed over one at a time. A transaction is dropped as a
 * whole on RSET, EHLO/HELO, end of data (accepted or refused) and close, so a refused message can never affect one
 * accepted earlier or later in the same session. Per the {@link ProtocolSession} contract, the host calls this object
 * from one thread at a time, so it needs no locking and may block on the {@link MailIntake}.
 *
 * <p>Operators' log ({@code org.atrium.connector.smtp}): one line per connect, accepted message, refused
 * transaction or recipient, error-limit close, timeout and disconnect, each with session id, client IP, user when
 * authenticated, and outcome. Message content and credentials are never logged.
 */
public final class SmtpSession implements ProtocolSession {

    static final System.Logger LOG = System.getLogger("org.atrium.connector.smtp");

    private ConnectionInfo connection;
    private final SessionOutput output;
    private final MailIntake intake;
    private final SmtpSettings settings;
    private final Clock clock;
    private final SmtpCommands commands;
    private final boolean submission;
    private final boolean plainAuthOnLoopback;
    private final SmtpGuards guards;
    /** Whether this session holds a slot of {@link ConnectionLimiter}, given back on close. */
    private boolean holdsConnectionSlot;
    /** The DNSBL zone listing the client (RFC 5782); while set, every command but QUIT gets 503. */
    private String blockedBy;

    private SmtpState state = SmtpState.CONNECTED;
    private String heloName;
    private boolean esmtp;
    /** Set by AUTH (RFC 4954) to the canonical account address; null while the client is anonymous. */
    private String authenticatedUser;
    /** An AUTH exchange waiting for the client's next response line (RFC 4954 §4), else null. */
    private AuthCommand.Exchange authExchange;
    private SmtpTransaction transaction;
    private int transactionsStarted;
    private int messagesAccepted;
    private int protocolErrors;
    private boolean disconnectLogged;

    SmtpSession(ConnectionInfo connection, SessionOutput output, MailIntake intake, SmtpSettings settings,
            Clock clock, SmtpCommands commands) {
        this(connection, output, intake, settings, clock, commands, false, false, SmtpGuards.of(settings, clock));
    }

    /**
     * @param submission whether this is a submission session (RFC 6409): AUTH offered and required before MAIL
     * @param plainAuthOnLoopback whether AUTH is offered without TLS to a client on a loopback address
     * @param guards the connection and rate limits and block lists shared with the server's other SMTP sessions
     */
    SmtpSession(ConnectionInfo connection, SessionOutput output, MailIntake intake, SmtpSettings settings,
            Clock clock, SmtpCommands commands, boolean submission, boolean plainAuthOnLoopback, SmtpGuards guards) {
        this.guards = guards;
        this.submission = submission;
        this.plainAuthOnLoopback = plainAuthOnLoopback;
        this.connection = connection;
        this.output = output;
        this.intake = intake;
        this.settings = settings;
        this.clock = clock;
        this.commands = commands;
    }

    // ---- ProtocolSession ----

    /**
     * The greeting (RFC 5321 §3.1, §4.2). Before it: the per-address connection limit, answered with
     * {@code 421 4.7.0} and a close (§3.8: a server that cannot serve the client now says 421 and closes), and on the
     * MX listener the DNS block lists (RFC 5782), whose listing is answered with a {@code 554} greeting (§3.1: the
     * server then answers every command but QUIT with 503). A block-list look-up that fails lets the client in.
     */
    @Override
    public void start() {
        log(Level.INFO, "connect", "secure=" + connection.secure() + (submission ? " mode=submission" : ""));
        if (!guards.connections().acquire(connection.remoteIp())) {
            log(Level.WARNING, "connection-refused", "reason=too-many-connections limit="
                    + settings.maxConnectionsPerIp() + " outcome=421");
            write(SmtpReply.of(421, "4.7.0", settings.hostname() + " Too many connections from your address"));
            close();
            return;
        }
        holdsConnectionSlot = true;
        if (!submission && guards.dnsbl().enabled() && connection.remote() != null) {
            Dnsbl.Verdict verdict = guards.dnsbl().check(connection.remote().getAddress());
            if (!verdict.failedZones().isEmpty()) {
                log(Level.WARNING, "dnsbl-error", "zones=" + String.join(",", verdict.failedZones())
                        + " outcome=accepted");
            }
            if (verdict.listed()) {
                blockedBy = verdict.listedIn();
                log(Level.INFO, "connection-refused", "reason=dnsbl zone=" + blockedBy + " outcome=554");
                write(SmtpReply.of(554, "5.7.1", "Service unavailable; client [" + connection.remoteIp()
                        + "] blocked using " + blockedBy));
                return;
            }
        }
        write(SmtpReply.of(220, null, settings.hostname() + " ESMTP Atrium"));
    }

    @Override
    public void onLine(Line line) {
        if (state == SmtpState.CLOSED) {
            return;
        }
        try {
            if (state == SmtpState.DATA) {
                DataCommand.content(this, line);
            } else if (authExchange != null) {
                AuthCommand.Exchange exchange = authExchange;
                authExchange = null;
                AuthCommand.respond(this, exchange, line);
            } else {
                command(line);
            }
        } catch (RuntimeException e) {
            // A defect must not leave the client waiting for a reply that never comes, nor keep a half state.
            LOG.log(Level.ERROR, prefix("internal-error") + " state=" + state, e);
            write(SmtpReply.of(421, "4.3.0", settings.hostname() + " Error: internal error, closing connection"));
            close();
        }
    }

    private void command(Line line) {
        if (line.ending() == Line.Ending.TOO_LONG) {
            reply(500, "5.5.2", "Line too long");
            return;
        }
        if (line.hasBareCr()) {
            // A CR inside a command line is never legitimate (RFC 5321 §2.3.8) and would reach replies and logs.
            reply(501, "5.5.2", "Bare CR in command line");
            return;
        }
        // A command ending in a bare LF is taken as is: unlike in DATA (§4.1.1.4), it cannot hide an end of data,
        // and hand-typed sessions send it. Commands are parsed up to the first space (RFC 5321 §4.1.1).
        String text = line.text();
        int space = text.indexOf(' ');
        String word = space < 0 ? text : text.substring(0, space);
        String argument = space < 0 ? "" : text.substring(space + 1);
        Optional<SmtpVerb> verb = SmtpVerb.parse(word);
        if (blockedBy != null && !(verb.isPresent() && verb.get() == SmtpVerb.QUIT)) {
            reply(503, "5.5.1", "Error: client [" + connection.remoteIp() + "] blocked using " + blockedBy);
            return;
        }
        if (verb.isEmpty()) {
            reply(500, "5.5.1", "Command unrecognized");
            return;
        }
        if (!state.allows(verb.get())) {
            reply(503, "5.5.1", outOfSequence(verb.get()));
            return;
        }
        commands.handler(verb.get()).execute(this, argument);
    }

    private String outOfSequence(SmtpVerb verb) {
        return switch (verb) {
            case MAIL -> state == SmtpState.CONNECTED ? "Error: send HELO/EHLO first" : "Error: nested MAIL command";
            case RCPT -> "Error: need MAIL command";
            case DATA -> state == SmtpState.MAIL ? "Error: no valid recipients" : "Error: need RCPT command";
            case STARTTLS, AUTH -> state == SmtpState.CONNECTED ? "Error: send EHLO first"
                    : "Error: MAIL transaction in progress";
            default -> "Error: bad sequence of commands";
        };
    }

    @Override
    public void onIdle() {
        if (state == SmtpState.CLOSED) {
            return;
        }
        log(Level.INFO, "timeout", "state=" + state);
        write(SmtpReply.of(421, "4.4.2", settings.hostname() + " Error: timeout exceeded"));
        close();
    }

    @Override
    public void onClose() {
        endTransaction();
        state = SmtpState.CLOSED;
        if (holdsConnectionSlot) {
            holdsConnectionSlot = false;
            guards.connections().release(connection.remoteIp());
        }
        if (!disconnectLogged) {
            disconnectLogged = true;
            log(Level.INFO, "disconnect", "messages=" + messagesAccepted + " errors=" + protocolErrors);
        }
    }

    @Override
    public int maxLineLength() {
        if (authExchange != null || submission && state == SmtpState.GREETED && authenticatedUser == null) {
            // RFC 4954 §4: AUTH lines (an initial response, or a response to 334) of at least 12288 octets SHOULD
            // be taken; AUTH is only valid in GREETED, so other commands keep the RFC 5321 limit.
            return Math.max(settings.commandLineLimit(), AuthCommand.MAX_RESPONSE_LINE);
        }
        return state == SmtpState.DATA ? settings.textLineLimit() : settings.commandLineLimit();
    }

    @Override
    public int idleTimeoutSeconds() {
        return settings.idleTimeoutSeconds();
    }

    // ---- for the command handlers ----

    SmtpSettings settings() {
        return settings;
    }

    MailIntake intake() {
        return intake;
    }

    Clock clock() {
        return clock;
    }

    ConnectionInfo connection() {
        return connection;
    }

    SmtpState state() {
        return state;
    }

    String heloName() {
        return heloName;
    }

    boolean esmtp() {
        return esmtp;
    }

    String authenticatedUser() {
        return authenticatedUser;
    }

    /** Whether this is a submission session (RFC 6409): AUTH offered, and required before MAIL. */
    boolean submission() {
        return submission;
    }

    /**
     * Whether AUTH may be used now: only in submission mode, and only under TLS (RFC 4954 §4, RFC 8314 §3) unless the
     * administrator allows it in plaintext for a client on a loopback address (a local webmail or test tool).
     */
    boolean authOffered() {
        return submission && (connection.secure() || plainAuthOnLoopback && onLoopback());
    }

    private boolean onLoopback() {
        return connection.remote() != null && connection.remote().getAddress() != null
                && connection.remote().getAddress().isLoopbackAddress();
    }

    /** AUTH succeeded: the session acts for {@code user} (the canonical account address) from now on. */
    void authenticated(String user) {
        authenticatedUser = user;
    }

    /** The next line is a SASL response for {@code exchange}, not a command (RFC 4954 §4). */
    void awaitAuthResponse(AuthCommand.Exchange exchange) {
        authExchange = exchange;
    }

    /**
     * Whether RCPT may name domains not hosted here: authenticated clients and clients in the administrator's trusted
     * networks ({@link SmtpSettings#trustedNetworks()}, empty by default); an MX listener must not be an open relay
     * (RFC 5321 §3.6.2, §7.1).
     */
    boolean relayPermitted() {
        return authenticatedUser != null || trustedClient();
    }

    /** Whether the client's address is in {@link SmtpSettings#trustedNetworks()}. */
    boolean trustedClient() {
        return connection.remote() != null && settings.trustedNetworks().contains(connection.remote().getAddress());
    }

    SmtpGuards guards() {
        return guards;
    }

    /**
     * The EHLO keywords (RFC 5321 §4.1.1.1), built from what this session offers. STARTTLS only while the connection
     * may still switch (RFC 3207 §4.2: not after TLS is up); AUTH (RFC 4954 §3) only where {@link #authOffered()} and
     * not once authenticated, since a second AUTH is refused.
     */
    List<String> ehloKeywords() {
        List<String> keywords = new ArrayList<>();
        keywords.add("SIZE " + settings.maxMessageSize());
        keywords.add("8BITMIME");
        keywords.add("PIPELINING");
        keywords.add("ENHANCEDSTATUSCODES");
        keywords.add("DSN");
        if (startTlsOffered()) {
            keywords.add("STARTTLS");
        }
        if (authOffered() && authenticatedUser == null) {
            keywords.add("AUTH PLAIN LOGIN");
        }
        if (settings.vrfyEnabled()) {
            keywords.add("VRFY");
        }
        if (settings.expnEnabled()) {
            keywords.add("EXPN");
        }
        keywords.add("HELP");
        return List.copyOf(keywords);
    }

    /** The Received "with" keyword: SMTP after HELO, else ESMTP with RFC 3848 S (TLS) and A (authenticated). */
    String protocolName() {
        if (!esmtp) {
            return "SMTP";
        }
        return "ESMTP" + (connection.secure() ? "S" : "") + (authenticatedUser != null ? "A" : "");
    }

    /** Whether STARTTLS is offered: the listener has TLS and this connection is not under TLS yet. */
    boolean startTlsOffered() {
        return !connection.secure() && output.startTlsAvailable();
    }

    /**
     * STARTTLS accepted, before its 220: asks for the switch at the reply's flush, discarding whatever the client
     * pipelined after the command, and forgets everything learnt from the client (RFC 3207 §4.2): the EHLO name, the
     * extended mode, any authentication; the session is back in the state after the greeting, so EHLO is required
     * again.
     */
    void startTls() {
        endTransaction();
        heloName = null;
        esmtp = false;
        authenticatedUser = null;
        authExchange = null;
        moveTo(SmtpState.CONNECTED);
        output.startTls();
        connection = connection.secured();
        log(Level.INFO, "starttls", "");
    }

    @Override
    public void onTlsEstablished(String protocol, String cipherSuite) {
        log(Level.INFO, "tls", "protocol=" + protocol + " cipher=" + cipherSuite);
    }

    /** EHLO/HELO: records the client's name and abandons any transaction (RFC 5321 §4.1.4). */
    void greeted(String name, boolean extended) {
        endTransaction();
        heloName = name;
        esmtp = extended;
        moveTo(SmtpState.GREETED);
    }

    /** MAIL accepted: opens a transaction. */
    SmtpTransaction beginTransaction(SmtpPath reversePath, boolean eightBitMime) {
        return beginTransaction(reversePath, eightBitMime, null, null);
    }

    /** MAIL accepted with the DSN parameters RET and ENVID (RFC 3461 §4.3, §4.4), each null when not given. */
    SmtpTransaction beginTransaction(SmtpPath reversePath, boolean eightBitMime, String ret, String envid) {
        endTransaction();
        transaction = new SmtpTransaction(reversePath, eightBitMime, ++transactionsStarted, ret, envid);
        moveTo(SmtpState.MAIL);
        return transaction;
    }

    SmtpTransaction transaction() {
        return transaction;
    }

    /** Drops the open transaction and its content, if any, and returns to the state before MAIL. */
    void endTransaction() {
        if (transaction != null) {
            transaction.close();
            transaction = null;
        }
        if (state == SmtpState.MAIL || state == SmtpState.RCPT || state == SmtpState.DATA) {
            moveTo(SmtpState.GREETED);
        }
    }

    void messageAccepted() {
        messagesAccepted++;
    }

    void moveTo(SmtpState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("SMTP state " + state + " cannot move to " + next);
        }
        state = next;
    }

    void reply(int code, String status, String text) {
        reply(SmtpReply.of(code, status, text));
    }

    /**
     * Writes and flushes one reply. A protocol error past {@link SmtpSettings#maxBadCommands()} is answered with
     * {@code 421 4.7.0} instead and the connection closed: a client that keeps sending garbage is broken or probing,
     * and each error costs a worker thread's time.
     */
    void reply(SmtpReply reply) {
        if (reply.isProtocolError() && ++protocolErrors > settings.maxBadCommands()) {
            log(Level.WARNING, "too-many-errors", "errors=" + protocolErrors + " outcome=closed");
            write(SmtpReply.of(421, "4.7.0", settings.hostname() + " Error: too many errors, closing connection"));
            close();
            return;
        }
        write(reply);
    }

    private void write(SmtpReply reply) {
        for (String line : reply.render()) {
            output.send(line);
        }
        output.flush();
    }

    /** After 221 or 421: nothing more is read; the host calls {@link #onClose()} once the socket is gone. */
    void close() {
        endTransaction();
        state = SmtpState.CLOSED;
        output.close();
    }

    void log(Level level, String event, String detail) {
        if (LOG.isLoggable(level)) {
            LOG.log(level, prefix(event) + (detail.isEmpty() ? "" : " " + detail));
        }
    }

    void log(Level level, String event, String detail, Throwable error) {
        LOG.log(level, prefix(event) + (detail.isEmpty() ? "" : " " + detail), error);
    }

    private String prefix(String event) {
        return connection.logPrefix("smtp")
                + (authenticatedUser == null ? "" : " user=" + authenticatedUser) + " event=" + event;
    }
}
