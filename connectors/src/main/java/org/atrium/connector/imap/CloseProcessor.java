package org.atrium.connector.imap;

import java.util.Set;
import org.atrium.connector.imap.port.MailboxException;

/**
 * CLOSE (RFC 3501 §6.4.2): expunges the \Deleted messages of a read-write mailbox silently (no EXPUNGE
 * responses) and returns to AUTHENTICATED state. An EXAMINEd mailbox, or one the user may not expunge (no
 * {@code e} right, RFC 4314 §4), is closed without expunging.
 */
public final class CloseProcessor extends SimpleProcessor {

    public CloseProcessor() {
        super(SimpleCommand.CLOSE);
    }

    @Override
    public Set<ImapState> validIn() {
        return ImapState.SELECTED_ONLY;
    }

    @Override
    public void process(SimpleRequest request, ImapContext ctx) throws MailboxException {
        SelectedMailbox view = ctx.requireSelected();
        if (!view.readOnly() && view.may('e')) {
            ctx.store().expunge(ctx.requireAccount(), view.folderId(), null);
        }
        ctx.unselect();
        ctx.ok(request.tag(), "CLOSE completed");
    }
}
