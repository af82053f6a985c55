package org.atrium.connector.imap;

import org.atrium.connector.imap.port.MailboxException;

/** SUBSCRIBE (RFC 3501 §6.3.6): only an existing mailbox can be subscribed ({@code NO [NONEXISTENT]}). */
public final class SubscribeProcessor extends BaseProcessor<SubscribeRequest> {

    public SubscribeProcessor() {
        super("SUBSCRIBE", SubscribeRequest.class, ImapState.AUTHENTICATED_OR_SELECTED);
    }

    @Override
    public void process(SubscribeRequest request, ImapContext ctx) throws MailboxException {
        ctx.store().setSubscribed(ctx.requireAccount(), ImapResponses.path(request.mailbox(), ctx), true);
        ctx.ok(request.tag(), "SUBSCRIBE completed");
    }
}
