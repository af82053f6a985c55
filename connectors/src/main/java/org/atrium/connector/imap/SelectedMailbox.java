package org.atrium.connector.imap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.atrium.connector.imap.port.FolderChanges;
import org.atrium.connector.imap.port.MessageState;
import org.atrium.connector.imap.port.SelectedFolder;

/**
 * A session's view of its selected mailbox (RFC 3501 §2.3.1): the messages the client has been told about, in
 * sequence-number order, with their UID, flags, MODSEQ (RFC 7162) and \Recent (RFC 3501 §2.3.2), and the untagged
 * responses that bring the client up to date when the folder changes.
 *
 * <p>Invariants: entries are ascending by UID, so sequence number = index + 1 and seq↔uid is a binary search; the
 * client's idea of the message count always equals {@link #exists()}: a message expunged elsewhere keeps its
 * sequence number (marked {@link #isExpunged(int) expunged}) until the EXPUNGE or VANISHED response has been sent,
 * which RFC 3501 §7.4.1 forbids during FETCH, STORE and SEARCH; new messages get an EXISTS before any response names
 * them. Under IMAP4rev2 (RFC 9051 Appendix E: \Recent and RECENT are gone) the view still tracks \Recent, for the
 * RECENT/NEW/OLD search keys, but never shows it: no RECENT response, no \Recent in FETCH FLAGS. Not thread-safe:
 * owned by one session and touched on its worker only.
 */
public final class SelectedMailbox {

    /** RFC 3501 §2.3.2 system flags, in the spelling the store returns them. */
    public static final List<String> SYSTEM_FLAGS = List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen",
            "\\Draft");
    public static final String RECENT = "\\Recent";

    /** RFC 4314 §5.2: the rights that let a SELECT open read-write ("i", "e" and the flag rights). */
    private static final String WRITE_RIGHTS = "swtei";

    private static final class Entry {
        private final long uid;
        private Set<String> flags;
        private long modseq;
        private final boolean recent;
        private boolean expunged;

        Entry(MessageState s, boolean recent) {
            this.uid = s.uid();
            this.flags = s.flags();
            this.modseq = s.modseq();
            this.recent = recent;
        }
    }

    private final long folderId;
    private final String path;
    private final long uidValidity;
    private final boolean readOnly;
    private final String rights;
    private final boolean showRecent;
    private final List<Entry> entries;
    private final Set<String> keywords;
    private long uidNext;
    private long highestModseq;
    private int announcedRecent;

    private SelectedMailbox(SelectedFolder folder, boolean readOnly, boolean showRecent) {
        this.showRecent = showRecent;
        this.folderId = folder.folderId();
        this.path = folder.path();
        this.uidValidity = folder.uidValidity();
        this.readOnly = readOnly;
        this.rights = folder.rights();
        this.uidNext = folder.uidNext();
        this.highestModseq = folder.highestModseq();
        this.entries = new ArrayList<>(folder.messages().size() + 16);
        for (MessageState s : folder.messages()) {
            entries.add(new Entry(s, s.uid() > folder.recentUidFloor()));
        }
        this.keywords = new LinkedHashSet<>(folder.keywords());
        this.announcedRecent = recentCount();
    }

    /** The view right after SELECT (read-write) or EXAMINE ({@code readOnly}). */
    public static SelectedMailbox of(SelectedFolder folder, boolean readOnly) {
        return new SelectedMailbox(folder, readOnly, true);
    }

    /**
     * The view for an IMAP4rev2 session ({@code rev2}: RFC 9051 Appendix E, no \Recent or RECENT) or an RFC 3501
     * one.
     */
    public static SelectedMailbox of(SelectedFolder folder, boolean readOnly, boolean rev2) {
        return new SelectedMailbox(folder, readOnly, !rev2);
    }

    /** Whether RECENT responses and the \Recent flag are shown (RFC 3501), or not (IMAP4rev2). */
    public boolean showsRecent() {
        return showRecent;
    }

    public long folderId() {
        return folderId;
    }

    public String path() {
        return path;
    }

    public long uidValidity() {
        return uidValidity;
    }

    public long uidNext() {
        return uidNext;
    }

    /** The highest MODSEQ this view has taken in; the base of the next {@code store.changes} call. */
    public long highestModseq() {
        return highestModseq;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** The caller's rights on the folder when it was opened (RFC 4314 §2.1 letters, canonical order). */
    public String rights() {
        return rights;
    }

    /** Whether the caller had {@code right} (an RFC 4314 §2.1 letter) on the folder when it was opened. */
    public boolean may(char right) {
        return rights.indexOf(right) >= 0;
    }

    /**
     * Whether rights allow any change to the folder (RFC 4314 §5.2: {@code i}, {@code e} or a flag right {@code s},
     * {@code w}, {@code t}); without one SELECT opens READ-ONLY.
     */
    public static boolean writable(String rights) {
        for (char c : WRITE_RIGHTS.toCharArray()) {
            if (rights.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The PERMANENTFLAGS list (RFC 3501 §7.1) of a read-write view: the flags the rights let the caller change
     * (RFC 4314 §4: {@code \Seen} with {@code s}, {@code \Deleted} with {@code t}, the other system flags, the
     * keywords and {@code \*} with {@code w}); empty for a read-only view.
     */
    public String permanentFlags() {
        List<String> flags = new ArrayList<>();
        if (!readOnly) {
            for (String f : SYSTEM_FLAGS) {
                char needed = switch (f) {
                    case "\\Seen" -> 's';
                    case "\\Deleted" -> 't';
                    default -> 'w';
                };
                if (may(needed)) {
                    flags.add(f);
                }
            }
            if (may('w')) {
                flags.addAll(keywords);
                flags.add("\\*");
            }
        }
        return "(" + String.join(" ", flags) + ")";
    }

    /** The message count the client knows (RFC 3501 §7.3.1 EXISTS), counting expunged messages not yet announced. */
    public int exists() {
        return entries.size();
    }

    public int recentCount() {
        int n = 0;
        for (Entry e : entries) {
            if (e.recent) {
                n++;
            }
        }
        return n;
    }

    /** The sequence number of the first message without \Seen (RFC 3501 §7.1 UNSEEN), or 0 when all are seen. */
    public int firstUnseen() {
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).flags.contains("\\Seen")) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The keywords in use, for the FLAGS and PERMANENTFLAGS responses. */
    public List<String> keywords() {
        return List.copyOf(keywords);
    }

    /** {@code (\Answered \Flagged \Deleted \Seen \Draft kw...)} for the FLAGS response (RFC 3501 §7.2.6). */
    public String flagsList() {
        List<String> all = new ArrayList<>(SYSTEM_FLAGS);
        all.addAll(keywords);
        return "(" + String.join(" ", all) + ")";
    }

    /** UID of a message; {@code seq} from 1 to {@link #exists()}. */
    public long uid(int seq) {
        return entry(seq).uid;
    }

    /** The sequence number of a UID, or 0 when the view has no such message. */
    public int seq(long uid) {
        int lo = 0;
        int hi = entries.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long u = entries.get(mid).uid;
            if (u < uid) {
                lo = mid + 1;
            } else if (u > uid) {
                hi = mid - 1;
            } else {
                return mid + 1;
            }
        }
        return 0;
    }

    /** The message's stored state as the view knows it. */
    public MessageState state(int seq) {
        Entry e = entry(seq);
        return new MessageState(e.uid, e.flags, e.modseq);
    }

    public boolean isRecent(int seq) {
        return entry(seq).recent;
    }

    /**
     * Whether the message was expunged by another session and only waits for its EXPUNGE response (RFC 3501 §7.4.1);
     * its content can no longer be read.
     */
    public boolean isExpunged(int seq) {
        return entry(seq).expunged;
    }

    /** The flags as FETCH FLAGS shows them: the stored ones plus \Recent when it applies (never for IMAP4rev2). */
    public List<String> fetchFlags(int seq) {
        Entry e = entry(seq);
        List<String> flags = new ArrayList<>(e.flags.size() + 1);
        for (String f : SYSTEM_FLAGS) {
            if (e.flags.contains(f)) {
                flags.add(f);
            }
        }
        for (String f : new TreeSet<>(e.flags)) {
            if (!SYSTEM_FLAGS.contains(f)) {
                flags.add(f);
            }
        }
        if (e.recent && showRecent) {
            flags.add(RECENT);
        }
        return flags;
    }

    /** Every UID of the view, ascending (pending-expunged ones included). */
    public List<Long> uids() {
        List<Long> uids = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            uids.add(e.uid);
        }
        return uids;
    }

    /**
     * The sequence numbers a sequence set names, ascending, without duplicates (RFC 3501 §6.4.8, §9 seq-number:
     * {@code *} is the last message, UID ranges need not match existing UIDs).
     *
     * @param uid whether the set holds UIDs (UID commands) rather than sequence numbers
     * @param savedUids the saved search result (RFC 5182), used when the set is {@code $}
     */
    public List<Integer> resolve(SequenceSet set, boolean uid, Collection<Long> savedUids) {
        List<Integer> seqs = new ArrayList<>();
        if (set.saved()) {
            for (long u : new TreeSet<>(savedUids)) {
                int s = seq(u);
                if (s > 0) {
                    seqs.add(s);
                }
            }
            return seqs;
        }
        if (entries.isEmpty()) {
            return seqs;
        }
        long max = uid ? entries.get(entries.size() - 1).uid : entries.size();
        for (int i = 0; i < entries.size(); i++) {
            if (set.contains(uid ? entries.get(i).uid : i + 1, max)) {
                seqs.add(i + 1);
            }
        }
        return seqs;
    }

    /**
     * Takes in a change this session made itself (its own STORE), so the next {@link #refresh} does not report it
     * again as another session's change.
     */
    public void update(MessageState state) {
        int seq = seq(state.uid());
        if (seq > 0) {
            Entry e = entries.get(seq - 1);
            e.flags = state.flags();
            e.modseq = Math.max(e.modseq, state.modseq());
            learnKeywords(state.flags());
        }
    }

    /** How {@link #refresh} reports changes: which extensions shape the responses. */
    public record Reporting(boolean allowExpunge, boolean condstore, boolean qresync) {
    }

    /**
     * Applies the changes the store reports since {@link #highestModseq()} and returns the untagged responses (without
     * the leading {@code "* "}) that tell the client, in this order: FLAGS when a new keyword appeared; EXPUNGE
     * responses from the highest sequence number down, or one VANISHED when QRESYNC is enabled (RFC 7162 §3.2.10),
     * only when {@code allowExpunge}; EXISTS and RECENT when they changed (RFC 3501 §7.3.1-2; no RECENT for
     * IMAP4rev2); a FETCH of UID, FLAGS
     * and (with CONDSTORE) MODSEQ for each message whose flags another session changed (RFC 7162 §3.2.4 asks for
     * the UID when QRESYNC is on; it is always sent, which RFC 3501 allows).
     */
    public List<String> refresh(FolderChanges changes, Reporting how) {
        List<String> out = new ArrayList<>();
        int keywordsBefore = keywords.size();
        for (long u : changes.expunged()) {
            int s = seq(u);
            if (s > 0) {
                entries.get(s - 1).expunged = true;
            }
        }
        List<Entry> flagChanged = new ArrayList<>();
        int added = 0;
        long lastUid = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).uid;
        for (MessageState m : changes.changed()) {
            int s = seq(m.uid());
            if (s > 0) {
                Entry e = entries.get(s - 1);
                if (!e.expunged && m.modseq() > e.modseq) {
                    boolean flagsDiffer = !e.flags.equals(m.flags());
                    e.flags = m.flags();
                    e.modseq = m.modseq();
                    if (flagsDiffer || how.condstore()) {
                        flagChanged.add(e);
                    }
                }
            } else if (m.uid() > lastUid) {
                entries.add(new Entry(m, m.uid() > changes.recentUidFloor()));
                lastUid = m.uid();
                added++;
            }
            learnKeywords(m.flags());
        }
        uidNext = Math.max(uidNext, changes.uidNext());
        highestModseq = Math.max(highestModseq, changes.highestModseq());
        if (keywords.size() != keywordsBefore) {
            out.add("FLAGS " + flagsList());
        }
        boolean expungedNow = how.allowExpunge() && sendExpunges(out, how.qresync());
        if (added > 0 || (expungedNow && how.qresync())) {
            // RFC 7162 §3.2.10: after VANISHED the client has decremented the count itself; EXISTS confirms it.
            out.add(entries.size() + " EXISTS");
        }
        int recent = recentCount();
        if (showRecent && (recent != announcedRecent || added > 0)) {
            out.add(recent + " RECENT");
            announcedRecent = recent;
        }
        for (Entry e : flagChanged) {
            int s = seq(e.uid);
            if (s > 0) {
                out.add(s + " FETCH (UID " + e.uid + " FLAGS (" + String.join(" ", fetchFlags(s)) + ")"
                        + (how.condstore() ? " MODSEQ (" + e.modseq + ")" : "") + ")");
            }
        }
        return out;
    }

    /** Whether an EXPUNGE or VANISHED response is waiting (RFC 3501 §7.4.1). */
    public boolean hasPendingExpunges() {
        for (Entry e : entries) {
            if (e.expunged) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes messages this session expunged itself (EXPUNGE, UID EXPUNGE, MOVE, CLOSE) and returns the responses
     * for them as {@link #refresh} would.
     */
    public List<String> expunged(List<Long> uids, boolean qresync) {
        for (long u : uids) {
            int s = seq(u);
            if (s > 0) {
                entries.get(s - 1).expunged = true;
            }
        }
        List<String> out = new ArrayList<>();
        sendExpunges(out, qresync);
        return out;
    }

    private boolean sendExpunges(List<String> out, boolean qresync) {
        List<Long> gone = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.expunged) {
                entries.remove(i);
                gone.add(e.uid);
                if (!qresync) {
                    out.add((i + 1) + " EXPUNGE");
                }
            }
        }
        if (gone.isEmpty()) {
            return false;
        }
        if (qresync) {
            out.add("VANISHED " + uidSet(gone));
        }
        announcedRecent = recentCount();
        return true;
    }

    /** A compact UID set ({@code 3:5,9}) of the given UIDs in any order (RFC 3501 §9 sequence-set). */
    public static String uidSet(Collection<Long> uids) {
        TreeSet<Long> sorted = new TreeSet<>(uids);
        StringBuilder sb = new StringBuilder();
        long start = -1;
        long prev = -1;
        for (long u : sorted) {
            if (start < 0) {
                start = u;
            } else if (u != prev + 1) {
                appendRange(sb, start, prev);
                start = u;
            }
            prev = u;
        }
        if (start >= 0) {
            appendRange(sb, start, prev);
        }
        return sb.toString();
    }

    private static void appendRange(StringBuilder sb, long a, long b) {
        if (!sb.isEmpty()) {
            sb.append(',');
        }
        sb.append(a);
        if (b != a) {
            sb.append(':').append(b);
        }
    }

    private void learnKeywords(Set<String> flags) {
        for (String f : flags) {
            if (!f.startsWith("\\")) {
                keywords.add(f);
            }
        }
    }

    private Entry entry(int seq) {
        if (seq < 1 || seq > entries.size()) {
            throw new IndexOutOfBoundsException("no message " + seq + " of " + entries.size());
        }
        return entries.get(seq - 1);
    }
}
