package org.atrium.connector.imap;

import org.atrium.connector.imap.port.MailboxException;

/**
 * MYRIGHTS (RFC 4314 §3.5, response §3.8): the caller's rights on a mailbox; any caller may ask. A mailbox that does
 * not exist is {@code NO [NONEXISTENT]}.
 */
public final class MyRightsProcessor extends BaseProcessor<MyRightsRequest> {

    public MyRightsProcessor() {
        super("MYRIGHTS", MyRightsRequest.class, ImapState.AUTHENTICATED_OR_SELECTED);
    }

    @Override
    public void process(MyRightsRequest request, ImapContext ctx) throws MailboxException {
        String path = ImapResponses.path(request.mailbox(), ctx);
        String rights = ctx.store().myRights(ctx.requireAccount(), path);
        ctx.untagged("MYRIGHTS " + ImapResponses.mailbox(path, ctx) + " " + AclRights.astring(rights));
        ctx.ok(request.tag(), "MYRIGHTS completed");
    }
}
