package org.atrium.connector.imap;

import java.util.Map;
import org.atrium.connector.imap.port.MailboxException;

/**
 * GETACL (RFC 4314 §3.3): one untagged {@code ACL mailbox *(SP identifier SP rights)} (§3.6), the owner first with
 * all rights, then the stored entries as the store orders them. Needs the {@code a} right (the store answers
 * {@code NO [NOPERM]} otherwise).
 */
public final class GetAclProcessor extends BaseProcessor<GetAclRequest> {

    public GetAclProcessor() {
        super("GETACL", GetAclRequest.class, ImapState.AUTHENTICATED_OR_SELECTED);
    }

    @Override
    public void process(GetAclRequest request, ImapContext ctx) throws MailboxException {
        String path = ImapResponses.path(request.mailbox(), ctx);
        Map<String, String> acl = ctx.store().getAcl(ctx.requireAccount(), path);
        StringBuilder line = new StringBuilder("ACL ").append(ImapResponses.mailbox(path, ctx));
        acl.forEach((identifier, rights) -> line.append(' ').append(AclRights.astring(identifier)).append(' ')
                .append(AclRights.astring(rights)));
        ctx.untagged(line.toString());
        ctx.ok(request.tag(), "GETACL completed");
    }
}
