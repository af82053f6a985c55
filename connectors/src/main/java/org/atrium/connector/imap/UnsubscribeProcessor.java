package org.atrium.connector.imap;

import org.atrium.connector.imap.port.MailboxException;

/** UNSUBSCRIBE (RFC 3501 §6.3.7): succeeds for a name that no longer exists, so stale subscriptions can go. */
public final class UnsubscribeProcessor extends BaseProcessor<UnsubscribeRequest> {

    public UnsubscribeProcessor() {
        super("UNSUBSCRIBE", UnsubscribeRequest.class, ImapState.AUTHENTICATED_OR_SELECTED);
    }

    @Override
    public void process(UnsubscribeRequest request, ImapContext ctx) throws MailboxException {
        ctx.store().setSubscribed(ctx.requireAccount(), ImapResponses.path(request.mailbox(), ctx), false);
        ctx.ok(request.tag(), "UNSUBSCRIBE completed");
    }
}
