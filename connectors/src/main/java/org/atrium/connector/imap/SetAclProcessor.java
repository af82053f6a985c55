package org.atrium.connector.imap;

import org.atrium.connector.imap.port.MailboxException;

/**
 * SETACL (RFC 4314 §3.1): adds, removes or replaces an identifier's rights. The store refuses a caller without the
 * {@code a} right ({@code NO [NOPERM]}), a change of the owner's rights, which are always all of them
 * ({@code NO [CANNOT]}), and a missing mailbox ({@code NO [NONEXISTENT]}).
 */
public final class SetAclProcessor extends BaseProcessor<SetAclRequest> {

    public SetAclProcessor() {
        super("SETACL", SetAclRequest.class, ImapState.AUTHENTICATED_OR_SELECTED);
    }

    @Override
    public void process(SetAclRequest request, ImapContext ctx) throws MailboxException {
        String path = ImapResponses.path(request.mailbox(), ctx);
        ctx.store().setAcl(ctx.requireAccount(), path, request.identifier(), request.operation(), request.rights());
        ctx.ok(request.tag(), "SETACL completed");
    }
}
