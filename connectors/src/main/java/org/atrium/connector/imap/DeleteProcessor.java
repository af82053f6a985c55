package org.atrium.connector.imap;

import org.atrium.connector.imap.port.MailboxException;

/**
 * DELETE (RFC 3501 §6.3.4): {@code NO [CANNOT]} for INBOX, {@code NO [HASCHILDREN]} for a folder with subfolders
 * (RFC 5530 §3), {@code NO [NONEXISTENT]} for an unknown one; the store decides.
 */
public final class DeleteProcessor extends BaseProcessor<DeleteRequest> {

    public DeleteProcessor() {
        super("DELETE", DeleteRequest.class, ImapState.AUTHENTICATED_OR_SELECTED);
    }

    @Override
    public void process(DeleteRequest request, ImapContext ctx) throws MailboxException {
        String path = ImapResponses.path(request.mailbox(), ctx);
        if (ctx.selected().map(s -> s.path().equals(path)).orElse(false)) {
            // RFC 3501 leaves this open; refusing keeps the selected view's folder id valid.
            ctx.no(request.tag(), "INUSE", "Mailbox is selected; CLOSE or UNSELECT it first");
            return;
        }
        ctx.store().delete(ctx.requireAccount(), path);
        ctx.ok(request.tag(), "DELETE completed");
    }
}
