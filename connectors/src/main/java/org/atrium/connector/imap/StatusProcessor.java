package org.atrium.connector.imap;

import java.util.ArrayList;
import java.util.List;
import org.atrium.connector.imap.port.FolderStatus;
import org.atrium.connector.imap.port.MailboxException;

/**
 * STATUS (RFC 3501 §6.3.10) with HIGHESTMODSEQ (RFC 7162 §3.1.9, a CONDSTORE-enabling item), SIZE (RFC 8438),
 * DELETED (RFC 9051 §6.3.11) and APPENDLIMIT (RFC 7889 §3). Items are answered in the order asked.
 */
public final class StatusProcessor extends BaseProcessor<StatusRequest> {

    public StatusProcessor() {
        super("STATUS", StatusRequest.class, ImapState.AUTHENTICATED_OR_SELECTED);
    }

    @Override
    public void process(StatusRequest request, ImapContext ctx) throws MailboxException {
        String path = ImapResponses.path(request.mailbox(), ctx);
        FolderStatus status = ctx.store().status(ctx.requireAccount(), path);
        if (request.items().contains(StatusItem.HIGHESTMODSEQ)) {
            ctx.enable(ImapContext.CONDSTORE);
        }
        ctx.untagged(response(path, status, request.items(), ctx));
        ctx.ok(request.tag(), "STATUS completed");
    }

    /** {@code STATUS name (item value ...)}, shared with LIST-STATUS (RFC 5819 §2). */
    static String response(String path, FolderStatus s, List<StatusItem> items, ImapContext ctx) {
        List<String> parts = new ArrayList<>();
        for (StatusItem item : items) {
            long value = switch (item) {
                case MESSAGES -> s.messages();
                case RECENT -> s.recent();
                case UIDNEXT -> s.uidNext();
                case UIDVALIDITY -> s.uidValidity();
                case UNSEEN -> s.unseen();
                case HIGHESTMODSEQ -> s.highestModseq();
                case SIZE -> s.size();
                case DELETED -> s.deleted();
                case APPENDLIMIT -> ctx.settings().maxAppendSize();
            };
            parts.add(item.name() + " " + value);
        }
        return "STATUS " + ImapResponses.mailbox(path, ctx) + " (" + String.join(" ", parts) + ")";
    }
}
