package org.atrium.connector.imap;

import org.atrium.connector.imap.port.FolderInfo;
import org.atrium.connector.imap.port.MailboxException;

/**
 * LSUB (RFC 3501 §6.3.9): the subscribed mailboxes matching the pattern, as {@code * LSUB () "/" name}. An empty
 * pattern answers the delimiter as LIST does. Subscriptions span the namespaces (ADR 0006); a subscribed name that
 * the user can no longer select is {@code \Noselect}.
 */
public final class LsubProcessor extends BaseProcessor<LsubRequest> {

    public LsubProcessor() {
        super("LSUB", LsubRequest.class, ImapState.AUTHENTICATED_OR_SELECTED);
    }

    @Override
    public void process(LsubRequest request, ImapContext ctx) throws MailboxException {
        String reference = ImapResponses.path(request.reference(), ctx);
        if (request.pattern().isEmpty()) {
            ctx.untagged("LSUB (\\Noselect) \"/\" \"\"");
        } else {
            ListPattern pattern = new ListPattern(reference, MailboxPaths.toPath(new MailboxName(request.pattern()),
                    ctx.utf8()));
            for (FolderInfo f : ctx.store().folders(ctx.requireAccount())) {
                if (f.subscribed() && pattern.matches(f.path())) {
                    // RFC 3501 §6.3.9: a subscribed name the user cannot select (ADR 0006) is \Noselect.
                    ctx.untagged("LSUB (" + (f.selectable() ? "" : "\\Noselect") + ") \"/\" "
                            + ImapResponses.mailbox(f.path(), ctx));
                }
            }
        }
        ctx.ok(request.tag(), "LSUB completed");
    }
}
