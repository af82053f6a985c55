package org.atrium.connector.imap;

import java.util.ArrayList;
import java.util.List;
import org.atrium.connector.imap.port.CopyResult;
import org.atrium.connector.imap.port.MailboxException;

/**
 * COPY and UID COPY (RFC 3501 §6.4.7, §6.4.8) with COPYUID (RFC 4315 §3).
 *
 * <p>Invariants: a missing target is {@code NO [TRYCREATE]} (§6.4.7, from the store); the tagged OK carries
 * {@code [COPYUID uidvalidity source-uids target-uids]} whenever something was copied, both sets in corresponding
 * order; messages already expunged by another session are skipped; a sequence number beyond EXISTS is a BAD. COPY
 * out of a read-only (EXAMINEd) mailbox is allowed: it does not change the source.
 */
public final class CopyProcessor extends BaseProcessor<CopyRequest> {

    public CopyProcessor() {
        super("COPY", CopyRequest.class, ImapState.SELECTED_ONLY);
    }

    @Override
    public void process(CopyRequest request, ImapContext ctx) throws MailboxException {
        SelectedMailbox view = ctx.requireSelected();
        if (!request.uid() && SelectedMessages.outOfRange(request.set(), view.exists())) {
            ctx.bad(request.tag(), "Invalid message sequence number");
            return;
        }
        String target = ImapResponses.path(request.mailbox(), ctx);
        List<Long> uids = uids(view, request.set(), request.uid(), ctx);
        CopyResult r = ctx.store().copy(ctx.requireAccount(), view.folderId(), uids, target, false);
        String command = request.uid() ? "UID COPY" : "COPY";
        if (r.sourceUids().isEmpty()) {
            ctx.ok(request.tag(), command + " completed");
        } else {
            ctx.ok(request.tag(), copyUid(r), command + " completed");
        }
    }

    /** The UIDs of the messages a set names, ascending, leaving out those waiting for their EXPUNGE response. */
    static List<Long> uids(SelectedMailbox view, SequenceSet set, boolean uid, ImapContext ctx) {
        List<Long> uids = new ArrayList<>();
        for (int seq : view.resolve(set, uid, ctx.savedSearchResult())) {
            if (!view.isExpunged(seq)) {
                uids.add(view.uid(seq));
            }
        }
        return uids;
    }

    /** {@code COPYUID uidvalidity source target} (RFC 4315 §3 resp-code-copy), without brackets. */
    static String copyUid(CopyResult r) {
        return "COPYUID " + r.uidValidity() + " " + SelectedMessages.orderedSet(r.sourceUids()) + " "
                + SelectedMessages.orderedSet(r.targetUids());
    }
}
