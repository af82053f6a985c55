package org.atrium.connector.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.atrium.connector.imap.SearchRequest.ReturnOption;
import org.atrium.connector.imap.message.SearchEvaluator;
import org.atrium.connector.imap.port.MailboxException;

/**
 * SEARCH and UID SEARCH (RFC 3501 §6.4.4, §6.4.8) with the MODSEQ key (RFC 7162 §3.1.5), ESEARCH return options
 * (RFC 4731 §3.1, §3.2) and SAVE (RFC 5182 §2.1, §2.4).
 *
 * <p>Invariants: only US-ASCII and UTF-8 are accepted as CHARSET ({@code NO [BADCHARSET (US-ASCII UTF-8)]}
 * otherwise, §6.4.4); messages waiting for their EXPUNGE response match nothing; details and content are read from
 * the store only when a key needs them ({@link SearchEvaluator#needsDetails}, {@link SearchEvaluator#needsContent}),
 * one message's content at a time. Once IMAP4rev2 is enabled every SEARCH is answered as if it said {@code RETURN ()}
 * (RFC 9051 §6.4.4). Otherwise a plain SEARCH answers {@code * SEARCH n...}, with {@code (MODSEQ m)} when the
 * criteria used MODSEQ and something matched (RFC 7162 §3.1.5); a SEARCH with RETURN answers one
 * {@code * ESEARCH (TAG "t") [UID] [MIN n] [MAX n] [COUNT n] [ALL set] [MODSEQ m]} (RFC 4731 §3.1), except for
 * RETURN (SAVE) alone, which answers nothing untagged (RFC 5182 §2.1). SAVE keeps the result's UIDs for {@code $};
 * a failed SAVE search clears it (RFC 5182 §2.1). No EXPUNGE response during SEARCH (§7.4.1); UID SEARCH allows them.
 */
public final class SearchProcessor extends BaseProcessor<SearchRequest> {

    static final String BADCHARSET = "BADCHARSET (US-ASCII UTF-8)";

    public SearchProcessor() {
        super("SEARCH", SearchRequest.class, ImapState.SELECTED_ONLY);
    }

    @Override
    public boolean allowsExpungeResponses(SearchRequest request) {
        return request.uid();
    }

    /** A matching message: its sequence number, UID and MODSEQ. */
    record Match(long seq, long uid, long modseq) {
        long number(boolean uid) {
            return uid ? uid() : seq();
        }
    }

    @Override
    public void process(SearchRequest request, ImapContext ctx) throws MailboxException, IOException {
        String tag = request.tag();
        Set<ReturnOption> opts = request.returnOptions();
        if (opts == null && ctx.rev2()) {
            // RFC 9051 §6.4.4, §7.3.4: IMAP4rev2 has no SEARCH response; without RETURN the answer is ESEARCH ALL.
            opts = Set.of();
        }
        boolean save = opts != null && opts.contains(ReturnOption.SAVE);
        if (!supportedCharset(request.charset())) {
            if (save) {
                ctx.saveSearchResult(List.of()); // RFC 5182 §2.1: a failed SAVE empties the saved result
            }
            ctx.no(tag, BADCHARSET, "Unsupported charset");
            return;
        }
        boolean modseq = usesModseq(request.criteria());
        if (modseq) {
            SelectedMessages.enableCondstore(ctx);
        }
        List<Match> matches = matches(request.criteria(), ctx);
        String command = request.uid() ? "UID SEARCH" : "SEARCH";
        if (opts == null) {
            StringBuilder sb = new StringBuilder("SEARCH");
            for (Match m : matches) {
                sb.append(' ').append(m.number(request.uid()));
            }
            if (modseq && !matches.isEmpty()) {
                sb.append(" (MODSEQ ").append(highestModseq(matches)).append(')');
            }
            ctx.untagged(sb.toString());
            ctx.ok(tag, command + " completed");
            return;
        }
        Set<ReturnOption> shown = new HashSet<>(opts);
        shown.remove(ReturnOption.SAVE);
        if (opts.isEmpty()) {
            shown.add(ReturnOption.ALL); // RFC 4731 §3.1: RETURN () means ALL
        }
        if (save) {
            ctx.saveSearchResult(saved(matches, shown));
        }
        if (!shown.isEmpty()) {
            ctx.untagged(esearch(tag, request.uid(), shown, matches, modseq));
        }
        ctx.ok(tag, command + " completed");
    }

    static boolean supportedCharset(String charset) {
        return charset == null || charset.equals("US-ASCII") || charset.equals("UTF-8");
    }

    /** The messages of the view that match, in sequence order. */
    static List<Match> matches(SearchKey criteria, ImapContext ctx) throws IOException {
        List<Match> out = new ArrayList<>();
        for (SelectedMessages.Candidate c : matching(criteria, ctx, false)) {
            out.add(new Match(c.seq(), c.uid(), c.modseq()));
        }
        return out;
    }

    /**
     * The candidates of the view that match, in sequence order (shared with SORT and THREAD, RFC 5256 §3, §4).
     *
     * @param withDetails keep only messages whose details can still be loaded, as SORT and THREAD read them all
     */
    static List<SelectedMessages.Candidate> matching(SearchKey criteria, ImapContext ctx, boolean withDetails)
            throws IOException {
        SelectedMailbox view = ctx.requireSelected();
        SearchEvaluator evaluator = new SearchEvaluator(view.exists(), SelectedMessages.maxUid(view),
                new HashSet<>(ctx.savedSearchResult()), ctx.clock().instant(), ctx.clock().getZone());
        List<SelectedMessages.Candidate> out = new ArrayList<>();
        for (SelectedMessages.Candidate c : SelectedMessages.candidates(ctx, view)) {
            try {
                if (evaluator.matches(criteria, c)) {
                    if (withDetails) {
                        c.details();
                    }
                    out.add(c);
                }
            } catch (SelectedMessages.GoneException e) {
                // expunged by another session meanwhile: it matches nothing
            } finally {
                c.release();
            }
        }
        return out;
    }

    /**
     * RFC 5182 §2.4: with MIN and/or MAX but neither ALL nor COUNT, only the minimum and/or maximum are saved;
     * otherwise every match.
     */
    private static List<Long> saved(List<Match> matches, Set<ReturnOption> shown) {
        boolean minMaxOnly = (shown.contains(ReturnOption.MIN) || shown.contains(ReturnOption.MAX))
                && !shown.contains(ReturnOption.ALL) && !shown.contains(ReturnOption.COUNT);
        List<Long> uids = new ArrayList<>();
        if (matches.isEmpty()) {
            return uids;
        }
        if (minMaxOnly) {
            if (shown.contains(ReturnOption.MIN)) {
                uids.add(matches.get(0).uid());
            }
            if (shown.contains(ReturnOption.MAX) && (uids.isEmpty() || matches.size() > 1)) {
                uids.add(matches.get(matches.size() - 1).uid());
            }
            return uids;
        }
        for (Match m : matches) {
            uids.add(m.uid());
        }
        return uids;
    }

    /**
     * {@code * ESEARCH (TAG "t") [UID] MIN n MAX n COUNT n ALL set [MODSEQ m]} (RFC 4731 §3.1 order of the RFC's
     * examples). MIN, MAX and ALL are left out when nothing matched; COUNT is then 0. MODSEQ (RFC 7162 §3.1.5) is
     * the highest of the messages returned: of all matches when ALL or COUNT was asked, else of MIN and MAX.
     */
    static String esearch(String tag, boolean uid, Set<ReturnOption> shown, List<Match> matches, boolean modseq) {
        StringBuilder sb = new StringBuilder("ESEARCH (TAG ").append(ImapResponses.quote(tag)).append(')');
        if (uid) {
            sb.append(" UID");
        }
        if (!matches.isEmpty()) {
            Match min = matches.get(0);
            Match max = matches.get(matches.size() - 1);
            if (shown.contains(ReturnOption.MIN)) {
                sb.append(" MIN ").append(min.number(uid));
            }
            if (shown.contains(ReturnOption.MAX)) {
                sb.append(" MAX ").append(max.number(uid));
            }
        }
        if (shown.contains(ReturnOption.COUNT)) {
            sb.append(" COUNT ").append(matches.size());
        }
        if (!matches.isEmpty() && shown.contains(ReturnOption.ALL)) {
            List<Long> numbers = new ArrayList<>(matches.size());
            for (Match m : matches) {
                numbers.add(m.number(uid));
            }
            sb.append(" ALL ").append(SelectedMailbox.uidSet(numbers));
        }
        if (modseq && !matches.isEmpty()) {
            long highest;
            if (shown.contains(ReturnOption.ALL) || shown.contains(ReturnOption.COUNT)) {
                highest = highestModseq(matches);
            } else {
                highest = 0;
                if (shown.contains(ReturnOption.MIN)) {
                    highest = matches.get(0).modseq();
                }
                if (shown.contains(ReturnOption.MAX)) {
                    highest = Math.max(highest, matches.get(matches.size() - 1).modseq());
                }
            }
            sb.append(" MODSEQ ").append(highest);
        }
        return sb.toString();
    }

    static long highestModseq(List<Match> matches) {
        long h = 0;
        for (Match m : matches) {
            h = Math.max(h, m.modseq());
        }
        return h;
    }

    /** Whether the criteria contain the MODSEQ key (RFC 7162 §3.1.5: a CONDSTORE-enabling command). */
    static boolean usesModseq(SearchKey key) {
        if (key instanceof SearchKey.ModSeq) {
            return true;
        }
        if (key instanceof SearchKey.Not n) {
            return usesModseq(n.key());
        }
        if (key instanceof SearchKey.Or o) {
            return usesModseq(o.left()) || usesModseq(o.right());
        }
        if (key instanceof SearchKey.And a) {
            return a.keys().stream().anyMatch(SearchProcessor::usesModseq);
        }
        return false;
    }
}
