package org.atrium.connector.pop3;

import static org.atrium.connector.net.LogValues.loggable;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * PASS string (RFC 1939 §7), with the RFC 2449 §8 / RFC 3206 response codes.
 *
 * <p>Failure always reads {@code -ERR [AUTH] invalid user name or password}, never which part was wrong. Each failure
 * is counted per connection; after {@link Pop3Settings#maxAuthFailures()} the connection is closed. Before answering
 * a failure the worker thread sleeps {@link Pop3Settings#authFailureDelayMillis()}: the session is already on a
 * worker thread that may block on the store (see {@link org.atrium.connector.net.ProtocolSession}), the reply is what
 * the client waits for, and since commands on one connection are handled strictly in order, a pipelining client
 * cannot get a second guess in during the pause. The cost is one parked worker per failing connection, which the
 * failure limit bounds.
 *
 * <p>A right password for an account whose class of service does not allow POP3 (ADR 0016) is answered
 * {@link #PROTOCOL_REFUSED}, at once and without counting a failure: the user proved who he is.
 *
 * <p>Once identified, the maildrop is opened and locked (RFC 1939 §8); if another session holds it the reply is
 * {@code [IN-USE]} (RFC 2449 §8.1.2) and the session stays in AUTHORIZATION, as it does when the store fails
 * ({@code [SYS/TEMP]}, RFC 3206 §4). PASS consumes the pending USER whatever the outcome, so every attempt names
 * the user again.
 */
final class PassCommand implements Pop3Command {

    static final String AUTH_FAILED = "-ERR [AUTH] invalid user name or password";

    /** The password is right but the account's class of service does not allow POP3 (ADR 0016; RFC 3206 §5). */
    static final String PROTOCOL_REFUSED = "-ERR [AUTH] POP3 access is not enabled for this account";

    @Override
    public String verb() {
        return "PASS";
    }

    @Override
    public int minArguments() {
        return 1;
    }

    @Override
    public boolean takesRawArgument() {
        return true;
    }

    @Override
    public void execute(Pop3Session session, Pop3Request request) {
        Optional<String> user = session.pendingUser();
        if (user.isEmpty()) {
            session.reply("-ERR USER first");
            return;
        }
        session.pendingUser(null);
        String name = user.get();
        String ip = session.connection().remoteIp();

        Optional<String> account;
        try {
            account = session.port().authenticate(name, request.rawArgument(), ip);
        } catch (RuntimeException e) {
            session.event(Level.WARNING, "login unavailable for user=" + loggable(name) + ": " + e);
            session.reply("-ERR [SYS/TEMP] authentication temporarily unavailable");
            return;
        }
        if (account.isEmpty()) {
            fail(session, name);
            return;
        }
        Optional<String> refusal;
        try {
            refusal = session.port().loginRefusal(account.get(), ip);
        } catch (RuntimeException e) {
            session.event(Level.WARNING, "login unavailable for user=" + loggable(name) + ": " + e);
            session.reply("-ERR [SYS/TEMP] authentication temporarily unavailable");
            return;
        }
        if (refusal.isPresent()) {
            session.event(Level.INFO, "login refused: protocol not allowed by class of service "
                    + loggable(refusal.get()) + " user=" + loggable(name) + " account=" + loggable(account.get()));
            session.reply(PROTOCOL_REFUSED);
            return;
        }

        Maildrop opened;
        try {
            opened = session.port().open(account.get());
        } catch (MaildropBusyException e) {
            session.event(Level.INFO, "maildrop busy account=" + loggable(account.get()));
            session.reply("-ERR [IN-USE] maildrop already in use");
            return;
        } catch (RuntimeException e) {
            session.event(Level.WARNING, "maildrop open failed account=" + loggable(account.get()) + ": " + e);
            session.reply("-ERR [SYS/TEMP] maildrop temporarily unavailable");
            return;
        }
        try {
            session.enterTransaction(account.get(), opened);
        } catch (RuntimeException e) {
            // Reading the entries failed: give the lock back rather than hold it for a session that cannot use it.
            opened.close();
            session.event(Level.WARNING, "maildrop listing failed account=" + loggable(account.get()) + ": " + e);
            session.reply("-ERR [SYS/TEMP] maildrop temporarily unavailable");
            return;
        }
        SessionMaildrop md = session.maildrop();
        session.event(Level.INFO, "login ok user=" + loggable(name) + " account="
                + loggable(account.get()) + " messages=" + md.size());
        session.reply("+OK " + md.liveCount() + " messages (" + md.liveOctets() + " octets)");
    }

    private static void fail(Pop3Session session, String name) {
        int failures = session.recordAuthFailure();
        int max = session.settings().maxAuthFailures();
        session.event(Level.INFO, "login failed user=" + loggable(name) + " failures=" + failures + "/" + max);
        pause(session.settings().authFailureDelayMillis());
        session.reply(AUTH_FAILED);
        if (failures >= max) {
            session.event(Level.INFO, "too many login failures, closing");
            session.close();
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // The host is shutting the worker down: answer at once and let it see the flag.
            Thread.currentThread().interrupt();
        }
    }
}
