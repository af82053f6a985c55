package org.atrium.connector.imap;

import org.atrium.connector.imap.port.MailboxException;

/**
 * DELETEACL (RFC 4314 §3.2): removes an identifier's entry; removing one that is not there succeeds. Refusals as for
 * {@link SetAclProcessor}.
 */
public final class DeleteAclProcessor extends BaseProcessor<DeleteAclRequest> {

    public DeleteAclProcessor() {
        super("DELETEACL", DeleteAclRequest.class, ImapState.AUTHENTICATED_OR_SELECTED);
    }

    @Override
    public void process(DeleteAclRequest request, ImapContext ctx) throws MailboxException {
        String path = ImapResponses.path(request.mailbox(), ctx);
        ctx.store().deleteAcl(ctx.requireAccount(), path, request.identifier());
        ctx.ok(request.tag(), "DELETEACL completed");
    }
}
