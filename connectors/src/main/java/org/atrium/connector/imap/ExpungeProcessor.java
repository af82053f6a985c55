package org.atrium.connector.imap;

import java.util.List;
import org.atrium.connector.imap.port.MailboxException;

/**
 * EXPUNGE (RFC 3501 §6.4.3) and UID EXPUNGE (RFC 4315 §2.1), which removes only the \Deleted messages of a UID set.
 *
 * <p>Invariants: one {@code * n EXPUNGE} per removed message, from the highest sequence number down so that each
 * number is right when the client applies it (§7.4.1: every EXPUNGE renumbers the messages after it), or one
 * {@code * VANISHED uids} once QRESYNC is enabled (RFC 7162 §3.2.10); expunges of other sessions waiting in the view
 * are announced with them. A read-only mailbox answers {@code NO} (§6.4.3 permits nothing to be removed).
 */
public final class ExpungeProcessor extends BaseProcessor<ExpungeRequest> {

    public ExpungeProcessor() {
        super("EXPUNGE", ExpungeRequest.class, ImapState.SELECTED_ONLY);
    }

    @Override
    public void process(ExpungeRequest request, ImapContext ctx) throws MailboxException {
        String tag = request.tag();
        SelectedMailbox view = ctx.requireSelected();
        String command = request.uids() == null ? "EXPUNGE" : "UID EXPUNGE";
        if (view.readOnly()) {
            ctx.no(tag, "Mailbox is read-only");
            return;
        }
        List<Long> uids = request.uids() == null ? null : CopyProcessor.uids(view, request.uids(), true, ctx);
        if (uids != null && uids.isEmpty()) {
            ctx.ok(tag, command + " completed");
            return;
        }
        List<Long> gone = ctx.store().expunge(ctx.requireAccount(), view.folderId(), uids);
        for (String line : view.expunged(gone, ctx.enabled(ImapContext.QRESYNC))) {
            ctx.untagged(line);
        }
        ctx.ok(tag, command + " completed");
    }
}
