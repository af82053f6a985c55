package org.atrium.connector.imap;

import java.util.Set;

/** UNSELECT (RFC 3691 §2): CLOSE without the expunge. */
public final class UnselectProcessor extends SimpleProcessor {

    public UnselectProcessor() {
        super(SimpleCommand.UNSELECT);
    }

    @Override
    public Set<ImapState> validIn() {
        return ImapState.SELECTED_ONLY;
    }

    @Override
    public void process(SimpleRequest request, ImapContext ctx) {
        ctx.unselect();
        ctx.ok(request.tag(), "UNSELECT completed");
    }
}
