package org.atrium.connector.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.atrium.connector.imap.message.MessageSorter;
import org.atrium.connector.imap.message.SearchCandidate;
import org.atrium.connector.imap.port.MailboxException;

/**
 * SORT and UID SORT (RFC 5256 §3; DISPLAYFROM/DISPLAYTO RFC 5957): the messages matching the search keys, as
 * {@code * SORT n...} in the order of the criteria (ties by sequence number), with {@code (MODSEQ m)} when the keys
 * used MODSEQ (RFC 7162 §3.1.5 extends SORT as SEARCH).
 *
 * <p>Invariants: the charset is US-ASCII or UTF-8, else {@code NO [BADCHARSET (US-ASCII UTF-8)]}; messages gone from
 * the store meanwhile are left out; no EXPUNGE response during SORT (RFC 5256 §3, as RFC 3501 §7.4.1 for SEARCH),
 * UID SORT allows them.
 */
public final class SortProcessor extends BaseProcessor<SortRequest> {

    public SortProcessor() {
        super("SORT", SortRequest.class, ImapState.SELECTED_ONLY);
    }

    @Override
    public boolean allowsExpungeResponses(SortRequest request) {
        return request.uid();
    }

    @Override
    public void process(SortRequest request, ImapContext ctx) throws MailboxException, IOException {
        if (!SearchProcessor.supportedCharset(request.charset())) {
            ctx.no(request.tag(), SearchProcessor.BADCHARSET, "Unsupported charset");
            return;
        }
        boolean modseq = SearchProcessor.usesModseq(request.key());
        if (modseq) {
            SelectedMessages.enableCondstore(ctx);
        }
        List<SearchCandidate> matching = new ArrayList<>(SearchProcessor.matching(request.key(), ctx, true));
        StringBuilder sb = new StringBuilder("SORT");
        List<SearchProcessor.Match> matches = new ArrayList<>();
        for (SearchCandidate c : MessageSorter.sort(request.criteria(), matching)) {
            sb.append(' ').append(request.uid() ? c.uid() : c.seq());
            matches.add(new SearchProcessor.Match(c.seq(), c.uid(), c.modseq()));
        }
        if (modseq && !matches.isEmpty()) {
            sb.append(" (MODSEQ ").append(SearchProcessor.highestModseq(matches)).append(')');
        }
        ctx.untagged(sb.toString());
        ctx.ok(request.tag(), (request.uid() ? "UID SORT" : "SORT") + " completed");
    }
}
