package org.atrium.connector.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.atrium.connector.imap.port.FolderChanges;
import org.atrium.connector.imap.port.MailboxException;
import org.atrium.connector.imap.port.MessageState;
import org.atrium.connector.imap.port.SelectedFolder;

/**
 * SELECT (RFC 3501 §6.3.1), and EXAMINE (§6.3.2) through {@link ExamineProcessor}: opens a folder as the session's
 * {@link SelectedMailbox}, with the CONDSTORE and QRESYNC select parameters (RFC 7162 §3.1.8, §3.2.5).
 *
 * <p>Response order: {@code * OK [CLOSED]} when a mailbox was selected and CONDSTORE/QRESYNC or IMAP4rev2 is on
 * (RFC 7162 §3.2.11, RFC 9051 §7.1), FLAGS, PERMANENTFLAGS (empty for EXAMINE), EXISTS, RECENT, UNSEEN (if any),
 * UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ (with CONDSTORE), then for QRESYNC {@code * VANISHED (EARLIER)} and FETCHes
 * of what changed since the client's MODSEQ, then {@code OK [READ-WRITE]} or {@code [READ-ONLY]}. A failed SELECT
 * leaves no mailbox selected (§6.3.1). Once IMAP4rev2 is enabled (RFC 9051 §6.3.2, Appendix E)
 * {@code * LIST () "/" name} takes the place of RECENT and UNSEEN is left out; the view then never shows \Recent.
 *
 * <p>Rights (RFC 4314 §5.2, ADR 0006): a SELECT by a user with none of {@code i e s w t} opens the folder READ-ONLY
 * as EXAMINE does (no \Recent claimed, {@code PERMANENTFLAGS ()}, {@code [READ-ONLY]}); otherwise PERMANENTFLAGS
 * lists only the flags the rights let the user change ({@link SelectedMailbox#permanentFlags()}).
 */
public class SelectProcessor implements ImapProcessor<SelectRequest> {

    @Override
    public String name() {
        return "SELECT";
    }

    @Override
    public final Class<SelectRequest> requestType() {
        return SelectRequest.class;
    }

    @Override
    public final Set<ImapState> validIn() {
        return ImapState.AUTHENTICATED_OR_SELECTED;
    }

    @Override
    public final void process(SelectRequest request, ImapContext ctx) throws MailboxException {
        String tag = request.tag();
        SelectRequest.Qresync qresync = request.qresync();
        if (qresync != null && !ctx.enabled(ImapContext.QRESYNC)) {
            // RFC 7162 §3.2.5: QRESYNC before ENABLE QRESYNC is a BAD.
            ctx.bad(tag, "QRESYNC parameter requires ENABLE QRESYNC first");
            return;
        }
        if (ctx.selected().isPresent()) {
            ctx.unselect();
            if (ctx.enabled(ImapContext.CONDSTORE) || ctx.rev2()) {
                // RFC 7162 §3.2.11 with CONDSTORE; RFC 9051 §7.1 (CLOSED) always for IMAP4rev2.
                ctx.untagged("OK [CLOSED] Previous mailbox is now closed");
            }
        }
        String path = MailboxPaths.toPath(request.mailbox(), ctx.utf8());
        String account = ctx.requireAccount();
        boolean readOnly = request.readOnly();
        if (!readOnly && Namespaces.isShared(path)
                && !SelectedMailbox.writable(ctx.store().myRights(account, path))) {
            // RFC 4314 §5.2: read-only by rights. Asked before opening, since a read-write open would take the
            // \Recent of the folder's owner and other readers (RFC 3501 §2.3.2) for a session that may change nothing.
            readOnly = true;
        }
        SelectedFolder folder = ctx.store().select(account, path, readOnly);
        if (!SelectedMailbox.writable(folder.rights())) {
            readOnly = true; // the rights the store opened it with decide (they may have changed meanwhile)
        }
        if (request.condstore()) {
            ctx.enable(ImapContext.CONDSTORE); // RFC 7162 §3.1.8: a CONDSTORE-enabling command
        }
        SelectedMailbox view = SelectedMailbox.of(folder, readOnly, ctx.rev2());
        ctx.select(view);
        ctx.untagged("FLAGS " + view.flagsList());
        if (readOnly) {
            ctx.untagged("OK [PERMANENTFLAGS ()] No permanent flags permitted");
        } else {
            ctx.untagged("OK [PERMANENTFLAGS " + view.permanentFlags() + "] Flags permitted");
        }
        ctx.untagged(view.exists() + " EXISTS");
        if (ctx.rev2()) {
            // RFC 9051 §6.3.2: a LIST response with the mailbox name (attributes may be empty) replaces RECENT.
            ctx.untagged("LIST () \"/\" " + ImapResponses.mailbox(view.path(), ctx));
        } else {
            ctx.untagged(view.recentCount() + " RECENT");
        }
        int unseen = view.firstUnseen();
        if (unseen > 0 && !ctx.rev2()) {
            // RFC 9051 §6.3.2 no longer lists the UNSEEN response code; IMAP4rev2 clients SEARCH or STATUS for it.
            ctx.untagged("OK [UNSEEN " + unseen + "] First unseen");
        }
        ctx.untagged("OK [UIDVALIDITY " + view.uidValidity() + "] UIDs valid");
        ctx.untagged("OK [UIDNEXT " + view.uidNext() + "] Predicted next UID");
        if (ctx.enabled(ImapContext.CONDSTORE)) {
            ctx.untagged("OK [HIGHESTMODSEQ " + view.highestModseq() + "] Highest");
        }
        if (qresync != null && qresync.uidValidity() == view.uidValidity()) {
            resync(qresync, view, ctx);
        }
        ctx.ok(tag, readOnly ? "READ-ONLY" : "READ-WRITE",
                (request.readOnly() ? "EXAMINE" : "SELECT") + " completed");
    }

    /**
     * RFC 7162 §3.2.5.2: what the client missed since its MODSEQ: expunged UIDs (restricted to its known UIDs when it
     * sent them) as {@code VANISHED (EARLIER)}, and the flags of messages changed since. A UIDVALIDITY mismatch
     * means the client must resync fully, so nothing is sent (§3.2.5).
     */
    private static void resync(SelectRequest.Qresync q, SelectedMailbox view, ImapContext ctx)
            throws MailboxException {
        FolderChanges changes = ctx.store().changes(ctx.requireAccount(), view.folderId(), q.modSeq(), false);
        List<Long> vanished = new ArrayList<>();
        for (long uid : changes.expunged()) {
            if (q.knownUids() == null || q.knownUids().contains(uid, SequenceSet.MAX)) {
                vanished.add(uid);
            }
        }
        if (!vanished.isEmpty()) {
            ctx.untagged("VANISHED (EARLIER) " + SelectedMailbox.uidSet(vanished));
        }
        for (MessageState m : changes.changed()) {
            int seq = view.seq(m.uid());
            if (seq > 0) {
                ctx.untagged(seq + " FETCH (UID " + m.uid() + " FLAGS (" + String.join(" ", view.fetchFlags(seq))
                        + ") MODSEQ (" + view.state(seq).modseq() + "))");
            }
        }
    }
}
