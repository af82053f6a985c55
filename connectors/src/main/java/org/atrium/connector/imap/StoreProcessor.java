package org.atrium.connector.imap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.atrium.connector.imap.port.FlagOperation;
import org.atrium.connector.imap.port.MailboxException;
import org.atrium.connector.imap.port.MessageState;
import org.atrium.connector.imap.port.StoreResult;

/**
 * STORE and UID STORE (RFC 3501 §6.4.6, §6.4.8) with CONDSTORE's UNCHANGEDSINCE (RFC 7162 §3.1.3).
 *
 * <p>Invariants: the session's {@link SelectedMailbox} takes in the new flags at once, so its next refresh does not
 * report them back as another session's change; each message that still exists gets {@code * n FETCH (FLAGS (...))}
 * unless {@code .SILENT} (with UID for UID STORE or under QRESYNC, RFC 7162 §3.2.4; MODSEQ once CONDSTORE is enabled,
 * even with {@code .SILENT}, RFC 7162 §3.1.3); messages that
 * failed UNCHANGEDSINCE are listed in {@code OK [MODIFIED set]} and keep their flags. A read-only mailbox answers
 * {@code NO}; {@code \Recent} never gets here (§2.3.2: it is the server's; the parser refuses it). No
 * EXPUNGE response during STORE (§7.4.1); UID STORE allows them.
 */
public final class StoreProcessor extends BaseProcessor<StoreRequest> {

    public StoreProcessor() {
        super("STORE", StoreRequest.class, ImapState.SELECTED_ONLY);
    }

    @Override
    public boolean allowsExpungeResponses(StoreRequest request) {
        return request.uid();
    }

    @Override
    public void process(StoreRequest request, ImapContext ctx) throws MailboxException {
        String tag = request.tag();
        SelectedMailbox view = ctx.requireSelected();
        if (!request.uid() && SelectedMessages.outOfRange(request.set(), view.exists())) {
            ctx.bad(tag, "Invalid message sequence number");
            return;
        }
        Set<String> flags = new LinkedHashSet<>(request.flags());
        if (view.readOnly()) {
            ctx.no(tag, "Mailbox is read-only");
            return;
        }
        if (request.unchangedSince() != null) {
            SelectedMessages.enableCondstore(ctx);
        }
        List<Long> uids = new ArrayList<>();
        for (int seq : view.resolve(request.set(), request.uid(), ctx.savedSearchResult())) {
            if (!view.isExpunged(seq)) {
                uids.add(view.uid(seq));
            }
        }
        String command = request.uid() ? "UID STORE" : "STORE";
        if (uids.isEmpty()) {
            ctx.ok(tag, command + " completed");
            return;
        }
        StoreResult r = ctx.store().store(ctx.requireAccount(), view.folderId(), uids, operation(request.mode()),
                flags, request.unchangedSince() == null ? -1 : request.unchangedSince());
        for (MessageState s : r.updated()) {
            view.update(s);
        }
        boolean condstore = ctx.enabled(ImapContext.CONDSTORE);
        // RFC 7162 §3.2.4: with QRESYNC, flag changes always carry the UID.
        boolean withUid = request.uid() || ctx.enabled(ImapContext.QRESYNC);
        if (!request.silent() || condstore) {
            List<MessageState> shown = new ArrayList<>(r.updated());
            if (!request.silent()) {
                shown.addAll(r.unchanged());
            }
            shown.sort((a, b) -> Long.compare(a.uid(), b.uid()));
            for (MessageState s : shown) {
                int seq = view.seq(s.uid());
                if (seq > 0) {
                    ctx.untagged(fetch(seq, view, withUid, condstore, request.silent()));
                }
            }
        }
        if (!r.failed().isEmpty()) {
            List<Long> failed = new ArrayList<>();
            for (long uid : r.failed()) {
                failed.add(request.uid() ? uid : view.seq(uid));
            }
            ctx.ok(tag, "MODIFIED " + SelectedMailbox.uidSet(failed), "Conditional " + command + " failed");
            return;
        }
        ctx.ok(tag, command + " completed");
    }

    /**
     * The FETCH response for one stored message. With {@code .SILENT} under CONDSTORE only UID and MODSEQ are sent:
     * RFC 7162 §3.1.3 asks for the new MODSEQ of changed messages even then, so the client can keep its
     * HIGHESTMODSEQ.
     */
    private static String fetch(int seq, SelectedMailbox view, boolean uid, boolean condstore, boolean silent) {
        StringBuilder sb = new StringBuilder().append(seq).append(" FETCH (");
        List<String> items = new ArrayList<>();
        if (uid) {
            items.add("UID " + view.uid(seq));
        }
        if (!silent) {
            items.add("FLAGS (" + String.join(" ", view.fetchFlags(seq)) + ")");
        }
        if (condstore) {
            items.add("MODSEQ (" + view.state(seq).modseq() + ")");
        }
        return sb.append(String.join(" ", items)).append(')').toString();
    }

    private static FlagOperation operation(StoreRequest.Mode mode) {
        return switch (mode) {
            case REPLACE -> FlagOperation.REPLACE;
            case ADD -> FlagOperation.ADD;
            case REMOVE -> FlagOperation.REMOVE;
        };
    }
}
