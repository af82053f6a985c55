package org.atrium.connector.imap;

/** GETQUOTA (RFC 9208 §4.2.1): only the account's root {@code ""} exists; any other is {@code NO [NONEXISTENT]}. */
public final class GetQuotaProcessor extends BaseProcessor<GetQuotaRequest> {

    public GetQuotaProcessor() {
        super("GETQUOTA", GetQuotaRequest.class, ImapState.AUTHENTICATED_OR_SELECTED);
    }

    @Override
    public void process(GetQuotaRequest request, ImapContext ctx) {
        if (!request.root().equals(QuotaResponses.ROOT)) {
            ctx.no(request.tag(), "NONEXISTENT", "No such quota root");
            return;
        }
        ctx.untagged(QuotaResponses.quota(ctx.store().quota(ctx.requireAccount())));
        ctx.ok(request.tag(), "GETQUOTA completed");
    }
}
