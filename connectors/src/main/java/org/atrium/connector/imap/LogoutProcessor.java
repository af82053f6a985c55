package org.atrium.connector.imap;

import java.util.Set;

/**
 * LOGOUT (RFC 3501 §6.1.3): {@code * BYE}, then the tagged OK, then the connection closes. The selected mailbox is
 * released without expunging (only CLOSE expunges, §6.4.2).
 */
public final class LogoutProcessor extends SimpleProcessor {

    public LogoutProcessor() {
        super(SimpleCommand.LOGOUT);
    }

    @Override
    public Set<ImapState> validIn() {
        return ImapState.ANY;
    }

    @Override
    public void process(SimpleRequest request, ImapContext ctx) {
        ctx.logout();
        ctx.untagged("BYE Atrium IMAP4rev1 server logging out");
        ctx.ok(request.tag(), "LOGOUT completed");
    }
}
