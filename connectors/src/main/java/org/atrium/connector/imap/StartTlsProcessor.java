package org.atrium.connector.imap;

import java.util.Set;

/**
 * STARTTLS (RFC 3501 §6.2.1, RFC 9051 §6.2.1): only in not-authenticated state. On a listener with TLS and a
 * connection not yet under TLS: the switch ({@link ImapContext#startTls()}) at the flush of
 * {@code OK Begin TLS negotiation now}, after which nothing pipelined in plaintext is executed and the client must
 * re-issue CAPABILITY. Once TLS is active the command is a client error ({@code BAD}); where the listener has no TLS it
 * is refused with {@code NO} and not advertised.
 */
public final class StartTlsProcessor extends SimpleProcessor {

    public StartTlsProcessor() {
        super(SimpleCommand.STARTTLS);
    }

    @Override
    public Set<ImapState> validIn() {
        return ImapState.NOT_AUTHENTICATED_ONLY;
    }

    @Override
    public void process(SimpleRequest request, ImapContext ctx) {
        if (ctx.connection().secure()) {
            ctx.bad(request.tag(), "TLS is already active");
            return;
        }
        if (!ctx.startTlsOffered()) {
            ctx.no(request.tag(), "STARTTLS is not available on this connection");
            return;
        }
        ctx.startTls();
        ctx.ok(request.tag(), "Begin TLS negotiation now");
    }
}
