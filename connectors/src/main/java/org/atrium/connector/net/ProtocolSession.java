package org.atrium.connector.net;

/**
 * A line-oriented protocol conversation with one client: a state machine in plain Java.
 *
 * <p>Threading contract: the host calls these methods one at a time, in order, on a worker thread from a
 * container-managed executor (never on a Netty event loop), so a session needs no locking and may call the store
 * (which blocks) directly. All protocol state lives in the session; command handlers are stateless.
 */
public interface ProtocolSession {

    /** The connection is open: send the greeting. */
    void start();

    /** One line arrived from the peer. */
    void onLine(Line line);

    /** The peer was idle longer than {@link #idleTimeoutSeconds()}: say so as the protocol requires and close. */
    void onIdle();

    /** The connection is gone (peer closed, error, or {@link SessionOutput#close()}); release what the session holds. */
    void onClose();

    /** The longest line the session accepts now, without terminator; read before every line. */
    int maxLineLength();

    /** Seconds of peer silence before {@link #onIdle()} (RFC 5321 §4.5.3.2, RFC 1939 §3: at least 10 minutes). */
    int idleTimeoutSeconds();

    /**
     * The TLS handshake completed: on an implicit-TLS listener (RFC 8314) shortly after {@link #start()}, after
     * STARTTLS otherwise. For the session's log line; the session has already reset its state when it asked for the
     * switch. The default ignores it.
     *
     * @param protocol the negotiated protocol, e.g. {@code TLSv1.3}
     * @param cipherSuite the negotiated cipher suite
     */
    default void onTlsEstablished(String protocol, String cipherSuite) {
    }
}
