package org.atrium.connector.imap;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atrium.connector.imap.message.SearchCandidate;
import org.atrium.connector.imap.port.MailboxException;
import org.atrium.connector.imap.port.MessageDetails;
import org.atrium.connector.imap.port.MessageState;

/**
 * What the message commands of SELECTED state share (RFC 3501 §6.4): checking sequence sets against the view,
 * enabling CONDSTORE from a command (RFC 7162 §3.1), writing UID lists in a given order (RFC 4315 §3 COPYUID), and
 * the view's messages as {@link SearchCandidate}s for SEARCH, SORT and THREAD.
 *
 * <p>Candidates load what they need lazily: details in batches of {@link #DETAILS_BATCH} the first time one of the
 * batch is asked, content one message at a time. A message the store no longer has (expunged by another session, its
 * EXPUNGE response still held back by RFC 3501 §7.4.1) raises {@link GoneException}: it matches nothing.
 */
final class SelectedMessages {

    /** Messages whose details one store call loads: bounds memory and the length of one transaction. */
    static final int DETAILS_BATCH = 256;

    private SelectedMessages() {
    }

    /**
     * Whether a message sequence set names a number beyond the messages the client knows (RFC 3501 §9
     * {@code seq-number}: a number above EXISTS is invalid, a BAD). {@code *} is never out of range; UID sets and
     * {@code $} are never checked (RFC 3501 §6.4.8: UID ranges need not match existing UIDs).
     */
    static boolean outOfRange(SequenceSet set, int exists) {
        if (set.saved()) {
            return false;
        }
        for (SequenceSet.Range r : set.ranges()) {
            if (r.first() != SequenceSet.STAR && r.first() > exists
                    || r.last() != SequenceSet.STAR && r.last() > exists) {
                return true;
            }
        }
        return false;
    }

    /**
     * RFC 7162 §3.1: a CONDSTORE-enabling command (FETCH MODSEQ or CHANGEDSINCE, SEARCH MODSEQ, STORE
     * UNCHANGEDSINCE). The first one while a mailbox is selected tells the client the mailbox's HIGHESTMODSEQ, which it
     * did not receive at SELECT.
     */
    static void enableCondstore(ImapContext ctx) {
        if (ctx.enabled(ImapContext.CONDSTORE)) {
            return;
        }
        ctx.enable(ImapContext.CONDSTORE);
        ctx.selected().ifPresent(view -> ctx.untagged("OK [HIGHESTMODSEQ " + view.highestModseq() + "] Highest"));
    }

    /**
     * The numbers as a sequence set in the given order, runs of consecutive ascending numbers as ranges (RFC 4315 §3:
     * the source and destination sets of COPYUID correspond element by element, so order matters).
     */
    static String orderedSet(List<Long> numbers) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < numbers.size()) {
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                j++;
            }
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(numbers.get(i));
            if (j > i) {
                sb.append(':').append(numbers.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    /** The highest UID of the view, what {@code *} means in a UID set; 0 when empty. */
    static long maxUid(SelectedMailbox view) {
        return view.exists() == 0 ? 0 : view.uid(view.exists());
    }

    /** The store no longer has the message: it was expunged meanwhile. */
    static final class GoneException extends IOException {
        private static final long serialVersionUID = 1L;

        GoneException(long uid) {
            super("message " + uid + " is gone");
        }
    }

    /**
     * Every message of the view that is not waiting for its EXPUNGE response, in sequence order, as candidates
     * that read details and content from the store only when asked.
     */
    static List<Candidate> candidates(ImapContext ctx, SelectedMailbox view) {
        DetailsLoader loader = new DetailsLoader(ctx, view.folderId());
        List<Candidate> out = new ArrayList<>(view.exists());
        for (int seq = 1; seq <= view.exists(); seq++) {
            if (!view.isExpunged(seq)) {
                out.add(new Candidate(ctx, view.folderId(), seq, view.state(seq), view.isRecent(seq), loader,
                        out.size()));
            }
        }
        loader.candidates = out;
        return out;
    }

    /** Loads details for a batch of candidates at a time, on first use. */
    private static final class DetailsLoader {
        private final ImapContext ctx;
        private final long folderId;
        private final Map<Long, MessageDetails> loaded = new HashMap<>();
        private final Set<Integer> loadedBatches = new java.util.HashSet<>();
        private List<Candidate> candidates;

        DetailsLoader(ImapContext ctx, long folderId) {
            this.ctx = ctx;
            this.folderId = folderId;
        }

        MessageDetails details(int index, long uid) throws IOException {
            int batch = index / DETAILS_BATCH;
            if (loadedBatches.add(batch)) {
                List<Long> uids = new ArrayList<>(DETAILS_BATCH);
                int end = Math.min(candidates.size(), (batch + 1) * DETAILS_BATCH);
                for (int i = batch * DETAILS_BATCH; i < end; i++) {
                    uids.add(candidates.get(i).uid());
                }
                try {
                    for (MessageDetails d : ctx.store().details(ctx.requireAccount(), folderId, uids)) {
                        loaded.put(d.uid(), d);
                    }
                } catch (MailboxException e) {
                    throw new IOException("cannot load message details: " + e.getMessage(), e);
                }
            }
            MessageDetails d = loaded.get(uid);
            if (d == null) {
                throw new GoneException(uid);
            }
            return d;
        }
    }

    /** One message of the view for SEARCH, SORT and THREAD (RFC 3501 §6.4.4, RFC 5256). */
    static final class Candidate implements SearchCandidate {
        private final ImapContext ctx;
        private final long folderId;
        private final int seq;
        private final MessageState state;
        private final boolean recent;
        private final DetailsLoader loader;
        private final int index;
        private byte[] content;

        private Candidate(ImapContext ctx, long folderId, int seq, MessageState state, boolean recent,
                DetailsLoader loader, int index) {
            this.ctx = ctx;
            this.folderId = folderId;
            this.seq = seq;
            this.state = state;
            this.recent = recent;
            this.loader = loader;
            this.index = index;
        }

        @Override
        public long seq() {
            return seq;
        }

        @Override
        public long uid() {
            return state.uid();
        }

        @Override
        public Set<String> flags() {
            return state.flags();
        }

        @Override
        public boolean recent() {
            return recent;
        }

        @Override
        public long modseq() {
            return state.modseq();
        }

        @Override
        public MessageDetails details() throws IOException {
            return loader.details(index, state.uid());
        }

        @Override
        public byte[] content() throws IOException {
            if (content == null) {
                try (InputStream in = ctx.store().open(ctx.requireAccount(), folderId, state.uid())) {
                    content = in.readAllBytes();
                } catch (MailboxException e) {
                    if (e.code() == MailboxException.Code.NONEXISTENT) {
                        throw new GoneException(state.uid());
                    }
                    throw new IOException("cannot open message " + state.uid() + ": " + e.getMessage(), e);
                }
            }
            return content;
        }

        /** Drops the content read for one evaluation, so a SEARCH holds one message's octets at a time. */
        void release() {
            content = null;
        }
    }
}
