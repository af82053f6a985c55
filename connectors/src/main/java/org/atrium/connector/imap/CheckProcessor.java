package org.atrium.connector.imap;

import java.util.Set;

/** CHECK (RFC 3501 §6.4.1): a checkpoint of the selected mailbox. */
public final class CheckProcessor extends SimpleProcessor {

    public CheckProcessor() {
        super(SimpleCommand.CHECK);
    }

    @Override
    public Set<ImapState> validIn() {
        return ImapState.SELECTED_ONLY;
    }

    @Override
    public void process(SimpleRequest request, ImapContext ctx) {
        // The store commits every change at once, so there is nothing to checkpoint; the refresh before the
        // tagged response still reports pending updates.
        ctx.ok(request.tag(), "CHECK completed");
    }
}
