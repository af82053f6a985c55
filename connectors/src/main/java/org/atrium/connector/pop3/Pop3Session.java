package org.atrium.connector.pop3;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atrium.connector.net.ConnectionInfo;
import org.atrium.connector.net.Line;
import org.atrium.connector.net.ProtocolSession;
import org.atrium.connector.net.SessionOutput;

/**
 * One POP3 conversation (RFC 1939, with the RFC 2449 extension mechanism and response codes, and STLS of RFC 2595 §4).
 *
 * <p>Holds all the state of the conversation: the {@link Pop3State}, the user named by USER, the count of failed
 * logins, and, in TRANSACTION, the locked maildrop with its deletion marks. Commands are stateless and reach that
 * state through the package-private methods here. The host calls one method at a time on a worker thread (see
 * {@link ProtocolSession}), so there is no locking, and store calls may block.
 *
 * <p>Invariants: the maildrop lock is released exactly when the conversation ends, whichever way it ends; messages
 * are removed only by QUIT from TRANSACTION (RFC 1939 §6), never by a timeout or a dropped connection; no reply or log
 * line ever contains a password; after the session closes, further lines (a pipelined batch after QUIT) are ignored.
 */
public final class Pop3Session implements ProtocolSession {

    /** Operators filter on this logger name. */
    static final System.Logger LOG = System.getLogger("org.atrium.connector.pop3");

    /** RFC 1939 §3: a command valid in the protocol but not in the current state. */
    static final String WRONG_STATE = "-ERR command not valid in this state";

    private ConnectionInfo connection;
    private final SessionOutput output;
    private final MaildropPort port;
    private final Pop3Settings settings;
    private final Map<String, Pop3Command> commands;

    private Pop3State state = Pop3State.AUTHORIZATION;
    private String pendingUser;
    private int authFailures;
    private SessionMaildrop maildrop;
    private boolean closed;

    Pop3Session(ConnectionInfo connection, SessionOutput output, MaildropPort port, Pop3Settings settings,
            Map<String, Pop3Command> commands) {
        this.connection = connection;
        this.output = output;
        this.port = port;
        this.settings = settings;
        this.commands = commands;
    }

    @Override
    public void start() {
        event(Level.INFO, "connect");
        reply("+OK " + settings.hostname() + " POP3 Atrium ready");
    }

    @Override
    public void onLine(Line line) {
        if (closed) {
            return;
        }
        if (line.ending() == Line.Ending.TOO_LONG) {
            reply("-ERR line too long");
            return;
        }
        // A bare LF is accepted: unlike SMTP DATA there is nothing to smuggle, and some hand-typed clients send it.
        Pop3Request request = Pop3Request.parse(line.text());
        Pop3Command command = commands.get(request.verb());
        if (command == null) {
            reply("-ERR unknown command");
            return;
        }
        if (!state.allows(command.verb())) {
            reply(WRONG_STATE);
            return;
        }
        Optional<String> invalid = checkArguments(command, request);
        if (invalid.isPresent()) {
            reply(invalid.get());
            return;
        }
        try {
            if (maildrop != null) {
                maildrop.maildrop().touch();
            }
            command.execute(this, request);
        } catch (RuntimeException e) {
            // A store failure must not kill the worker or leave the client waiting for an answer.
            LOG.log(Level.ERROR, prefix() + " command " + command.verb() + " failed", e);
            reply("-ERR [SYS/TEMP] internal error, try again later");
        }
    }

    private Optional<String> checkArguments(Pop3Command command, Pop3Request request) {
        if (command.takesRawArgument()) {
            return command.minArguments() > 0 && request.rawArgument().isEmpty()
                    ? Optional.of("-ERR missing argument")
                    : Optional.empty();
        }
        for (String argument : request.arguments()) {
            if (argument.getBytes(StandardCharsets.UTF_8).length > settings.maxArgument()) {
                return Optional.of("-ERR argument too long");
            }
        }
        int count = request.arguments().size();
        if (count < command.minArguments()) {
            return Optional.of("-ERR missing argument");
        }
        if (count > command.maxArguments()) {
            return Optional.of("-ERR too many arguments");
        }
        return Optional.empty();
    }

    /**
     * RFC 1939 §3: on an autologout timer "the session does NOT enter the UPDATE state--the server should close the
     * TCP connection without removing any messages or sending any response to the client."
     */
    @Override
    public void onIdle() {
        if (closed) {
            return;
        }
        event(Level.INFO, "timeout after " + settings.idleTimeoutSeconds() + "s, closing without expunge");
        close();
    }

    /** RFC 1939 §6: a connection lost outside QUIT does not enter UPDATE; only the lock is released. */
    @Override
    public void onClose() {
        if (!closed) {
            event(Level.INFO, "disconnect without QUIT in " + state + ", nothing expunged");
            closed = true;
        }
        releaseMaildrop();
    }

    @Override
    public int maxLineLength() {
        return settings.maxLineWithoutCrlf();
    }

    @Override
    public int idleTimeoutSeconds() {
        return settings.idleTimeoutSeconds();
    }

    // ---- for commands ----

    Pop3State state() {
        return state;
    }

    void moveTo(Pop3State next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException(state + " -> " + next);
        }
        state = next;
    }

    Pop3Settings settings() {
        return settings;
    }

    ConnectionInfo connection() {
        return connection;
    }

    MaildropPort port() {
        return port;
    }

    SessionOutput output() {
        return output;
    }

    Optional<String> pendingUser() {
        return Optional.ofNullable(pendingUser);
    }

    void pendingUser(String user) {
        this.pendingUser = user;
    }

    /** @return the failures so far on this connection, including this one */
    int recordAuthFailure() {
        return ++authFailures;
    }

    /** Enters TRANSACTION holding the maildrop's lock (RFC 1939 §4, §8). */
    void enterTransaction(String account, Maildrop opened) {
        moveTo(Pop3State.TRANSACTION);
        this.maildrop = new SessionMaildrop(account, opened);
    }

    /** The maildrop; only in TRANSACTION and UPDATE. */
    SessionMaildrop maildrop() {
        if (maildrop == null) {
            throw new IllegalStateException("no maildrop in " + state);
        }
        return maildrop;
    }

    /**
     * Resolves a message-number argument against the maildrop; if it cannot be used, answers the {@code -ERR} and
     * returns empty.
     */
    Optional<SessionMaildrop.Found> message(String argument) {
        SessionMaildrop.Lookup lookup = maildrop().lookup(argument);
        if (lookup instanceof SessionMaildrop.Refused refused) {
            reply(refused.reply());
            return Optional.empty();
        }
        return Optional.of((SessionMaildrop.Found) lookup);
    }

    /** Sends one reply line and flushes it. */
    void reply(String line) {
        output.send(line);
        output.flush();
    }

    /** Sends a multi-line reply (RFC 1939 §3): status line, dot-stuffed lines, terminating ".". */
    void replyMultiLine(String status, List<String> lines) {
        output.send(status);
        for (String line : lines) {
            output.send(line.startsWith(".") ? "." + line : line);
        }
        output.send(".");
        output.flush();
    }

    /** Whether STLS is offered: the listener has TLS and this connection is not under TLS yet (RFC 2595 §4). */
    boolean stlsOffered() {
        return !connection.secure() && output.startTlsAvailable();
    }

    /**
     * STLS accepted, before its {@code +OK}: asks for the switch at the reply's flush, discarding whatever the client
     * pipelined after the command, and forgets what the client said before (the USER name), so the conversation
     * restarts in AUTHORIZATION.
     */
    void startTls() {
        pendingUser = null;
        output.startTls();
        connection = connection.secured();
        event(Level.INFO, "stls");
    }

    @Override
    public void onTlsEstablished(String protocol, String cipherSuite) {
        event(Level.INFO, "tls established protocol=" + protocol + " cipher=" + cipherSuite);
    }

    /** Ends the conversation from the server side: releases the lock, flushes what is queued and closes. */
    void close() {
        closed = true;
        try {
            releaseMaildrop();
        } finally {
            output.close();
        }
    }

    /** One operator log line tied to this connection. */
    void event(Level level, String what) {
        LOG.log(level, () -> prefix() + " " + what);
    }

    private String prefix() {
        return connection.logPrefix("pop3");
    }

    /**
     * Releases the maildrop lock now (idempotent). QUIT calls it before its reply: a client that reconnects the moment
     * it reads "+OK" must find the maildrop free.
     */
    void releaseMaildrop() {
        SessionMaildrop held = maildrop;
        maildrop = null;
        if (held != null) {
            try {
                held.maildrop().close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, prefix() + " releasing the maildrop lock failed", e);
            }
        }
    }
}
