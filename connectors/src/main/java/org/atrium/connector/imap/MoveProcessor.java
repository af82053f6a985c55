package org.atrium.connector.imap;

import java.util.List;
import org.atrium.connector.imap.port.CopyResult;
import org.atrium.connector.imap.port.MailboxException;

/**
 * MOVE and UID MOVE (RFC 6851 §3.1-§3.3, §4.3 with UIDPLUS, §4.4 with QRESYNC).
 *
 * <p>Response order (RFC 6851 §3.3, §4.3): {@code * OK [COPYUID v source target]} untagged before the expunges, then
 * {@code * n EXPUNGE} for each moved message from the highest sequence number down (each renumbers the rest) or, with
 * QRESYNC enabled, one {@code * VANISHED uids} (§4.4), then the tagged OK. A read-only mailbox cannot lose messages,
 * so MOVE there is {@code NO}; a missing target is {@code NO [TRYCREATE]} from the store. Expunges another session made
 * are announced along with these, as EXPUNGE allows.
 */
public final class MoveProcessor extends BaseProcessor<MoveRequest> {

    public MoveProcessor() {
        super("MOVE", MoveRequest.class, ImapState.SELECTED_ONLY);
    }

    @Override
    public void process(MoveRequest request, ImapContext ctx) throws MailboxException {
        String tag = request.tag();
        SelectedMailbox view = ctx.requireSelected();
        if (!request.uid() && SelectedMessages.outOfRange(request.set(), view.exists())) {
            ctx.bad(tag, "Invalid message sequence number");
            return;
        }
        if (view.readOnly()) {
            ctx.no(tag, "Mailbox is read-only");
            return;
        }
        String target = ImapResponses.path(request.mailbox(), ctx);
        List<Long> uids = CopyProcessor.uids(view, request.set(), request.uid(), ctx);
        CopyResult r = ctx.store().copy(ctx.requireAccount(), view.folderId(), uids, target, true);
        if (!r.sourceUids().isEmpty()) {
            ctx.untagged("OK [" + CopyProcessor.copyUid(r) + "] Moved");
            for (String line : view.expunged(r.sourceUids(), ctx.enabled(ImapContext.QRESYNC))) {
                ctx.untagged(line);
            }
        }
        ctx.ok(tag, (request.uid() ? "UID MOVE" : "MOVE") + " completed");
    }
}
