package org.atrium.connector.net;

/**
 * What a protocol session writes to its peer. Implemented by the Netty host; by a recording fake in unit tests.
 *
 * <p>Calls come from the session's worker thread, never from an event loop, so {@link #sendRaw} may block while the
 * peer reads slowly (back-pressure for large message downloads).
 */
public interface SessionOutput {

    /** Queues one protocol line; CR LF is appended. Lines are US-ASCII or UTF-8. */
    void send(String line);

    /** Queues raw bytes (message content, already dot-stuffed where the protocol needs it). */
    void sendRaw(byte[] bytes, int off, int len);

    /** Pushes everything queued to the peer. Sessions flush once per reply, or per pipelined batch. */
    void flush();

    /** Flushes what is queued, then closes the connection. Further output is discarded. */
    void close();

    /**
     * Runs a task later on the session's worker, in order with the input events, so it may touch session state: how
     * events from elsewhere (a folder changed, for IMAP IDLE) reach a session. Callable from any thread; dropped once
     * the connection is closed.
     */
    void post(Runnable task);
}
