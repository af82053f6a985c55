package org.atrium.connector.imap;

import java.util.Set;

/**
 * NOOP (RFC 3501 §6.1.2): does nothing but let the tagged response carry the pending untagged updates (EXISTS,
 * EXPUNGE held back during FETCH/STORE/SEARCH, flag changes), which is how clients poll.
 */
public final class NoopProcessor extends SimpleProcessor {

    public NoopProcessor() {
        super(SimpleCommand.NOOP);
    }

    @Override
    public Set<ImapState> validIn() {
        return ImapState.ANY;
    }

    @Override
    public void process(SimpleRequest request, ImapContext ctx) {
        ctx.ok(request.tag(), "NOOP completed");
    }
}
