package org.atrium.connector.imap;

import java.util.Set;

/**
 * IDLE (RFC 2177 §3): {@code + idling}, then untagged updates as the selected folder changes, until the session
 * reads {@code DONE} and answers {@code tag OK IDLE terminated}.
 */
public final class IdleProcessor extends SimpleProcessor {

    public IdleProcessor() {
        super(SimpleCommand.IDLE);
    }

    @Override
    public Set<ImapState> validIn() {
        return ImapState.AUTHENTICATED_OR_SELECTED;
    }

    @Override
    public void process(SimpleRequest request, ImapContext ctx) {
        ctx.continuation("idling");
        ctx.idle(request.tag());
    }
}
