package org.atrium.connector.imap;

import java.util.Set;

/** STARTTLS (RFC 3501 §6.2.1) is not offered (not in CAPABILITY), so the command is refused with NO. */
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
        // Not advertised: TLS on this listener is configured elsewhere (implicit TLS port), not negotiated here.
        ctx.no(request.tag(), "STARTTLS is not available on this connection");
    }
}
