package org.atrium.connector.imap;

import org.atrium.connector.imap.port.MailboxException;

/**
 * RENAME (RFC 3501 §6.3.5), subfolders included; renaming INBOX moves its messages into the new folder and leaves
 * INBOX empty (the store does both).
 */
public final class RenameProcessor extends BaseProcessor<RenameRequest> {

    public RenameProcessor() {
        super("RENAME", RenameRequest.class, ImapState.AUTHENTICATED_OR_SELECTED);
    }

    @Override
    public void process(RenameRequest request, ImapContext ctx) throws MailboxException {
        ctx.store().rename(ctx.requireAccount(), ImapResponses.path(request.from(), ctx),
                ImapResponses.path(request.to(), ctx));
        ctx.ok(request.tag(), "RENAME completed");
    }
}
