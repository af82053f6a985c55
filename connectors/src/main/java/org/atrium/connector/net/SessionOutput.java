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

    /**
     * Whether {@link #startTls()} may be called now: the listener has a TLS context and the connection is not under
     * TLS yet. Sessions offer STARTTLS (SMTP, IMAP) or STLS (POP3) only while this is true.
     */
    boolean startTlsAvailable();

    /**
     * Switches the connection to TLS as the server (RFC 3207 §4, RFC 2595 §4, RFC 3501 §6.2.1), at the next
     * {@link #flush()}: the session calls this while handling the STARTTLS command, then sends its "ready to start
     * TLS" reply and flushes; that reply goes out in plaintext and the TLS handshake follows it with no input read in
     * between. Every input byte received before the switch and not yet handed to the session is discarded, including
     * the rest of the read being processed now: commands pipelined after STARTTLS are never executed. When the
     * handshake completes the host calls {@link ProtocolSession#onTlsEstablished}; when it fails the connection is
     * closed.
     *
     * @throws IllegalStateException if {@link #startTlsAvailable()} is false
     */
    void startTls();
}
