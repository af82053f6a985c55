package org.atrium.connector.imap;

import org.atrium.connector.imap.port.MailboxException;

/**
 * GETQUOTAROOT (RFC 9208 §4.2.2): every existing mailbox belongs to the root {@code ""}; answers QUOTAROOT then
 * QUOTA. A mailbox that does not exist is {@code NO [NONEXISTENT]}.
 */
public final class GetQuotaRootProcessor extends BaseProcessor<GetQuotaRootRequest> {

    public GetQuotaRootProcessor() {
        super("GETQUOTAROOT", GetQuotaRootRequest.class, ImapState.AUTHENTICATED_OR_SELECTED);
    }

    @Override
    public void process(GetQuotaRootRequest request, ImapContext ctx) throws MailboxException {
        String path = ImapResponses.path(request.mailbox(), ctx);
        String account = ctx.requireAccount();
        ctx.store().status(account, path); // NONEXISTENT when it does not exist
        ctx.untagged("QUOTAROOT " + ImapResponses.mailbox(path, ctx) + " " + ImapResponses.quote(QuotaResponses.ROOT));
        ctx.untagged(QuotaResponses.quota(ctx.store().quota(account)));
        ctx.ok(request.tag(), "GETQUOTAROOT completed");
    }
}
