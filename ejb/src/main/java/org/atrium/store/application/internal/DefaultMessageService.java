package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.atrium.store.application.ContentSummary;
import org.atrium.store.application.DeliveryService;
import org.atrium.store.application.FolderChangeNotifier;
import org.atrium.store.application.MailboxRefusal;
import org.atrium.store.application.MailboxRefusal.Reason;
import org.atrium.store.application.MessageService;
import org.atrium.store.application.internal.FlagRights.Mask;
import org.atrium.store.application.internal.Mailboxes.Reached;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.BlobGarbage;
import org.atrium.store.domain.BlobStore.BlobRef;
import org.atrium.store.domain.Flag;
import org.atrium.store.domain.FlagMode;
import org.atrium.store.domain.Folder;
import org.atrium.store.domain.ItemSeen;
import org.atrium.store.domain.Keywords;
import org.atrium.store.domain.MailItem;
import org.atrium.store.domain.MessageContent;

/**
 * See {@link MessageService}. Every change of a folder's items happens under its row lock (here, in delivery and in
 * POP3 expunge), so what is read under that lock is an exact snapshot: SELECT and a CHANGES that found something
 * new read under it, briefly. Writes lock the folder rows first (ascending ids), then touch items (and the readers'
 * \Seen rows of public folders), then content rows, the order delivery uses, so they cannot deadlock.
 *
 * <p>Folders are reached through the caller's namespaces and rights ({@link Mailboxes#reach}, ADR 0006); each
 * operation demands the right RFC 4314 §4 names for it. In public folders \Seen is each reader's ({@link ItemSeen}),
 * and a reader's change of it gives the item a new MODSEQ so that reader's CONDSTORE view moves.
 */
@Stateless
public class DefaultMessageService implements MessageService {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    ContentReferences contents;

    @Inject
    FolderChangeNotifier notifier;

    @Inject
    DeliveryService deliveries;

    private final Clock clock = Clock.systemUTC();

    @Override
    public Opened select(String account, String path, boolean readOnly) {
        Mailboxes mailboxes = new Mailboxes(em);
        Reached r = mailboxes.reach(account, path).demand('r', "read " + path).locked(new FolderLocks(em));
        Folder folder = r.folder();
        // Under the lock no one else can add, change or claim: the snapshot below is exact, and for a read-write
        // open the messages above the floor are recent for this session only (RFC 3501 §2.3.2). A user who may
        // change nothing gets a READ-ONLY open (RFC 4314 §4), which claims nothing either.
        boolean claims = !readOnly && FlagRights.mayWrite(r.access());
        long floor = claims ? folder.claimRecent() : folder.getRecentUid();
        List<ItemState> items = mailboxes.states(folder, r.seenReader(), -1);
        Set<String> seen = new HashSet<>();
        List<String> keywords = new ArrayList<>();
        for (ItemState s : items) {
            for (String k : s.keywords()) {
                if (seen.add(k.toLowerCase(Locale.ROOT))) {
                    keywords.add(k);
                }
            }
        }
        keywords.sort(String.CASE_INSENSITIVE_ORDER);
        return new Opened(folder.getId(), Mailboxes.nameOf(r.caller(), folder), folder.getUidValidity(),
                folder.getUidNext(), folder.getHighestModseq(), items, floor, keywords,
                r.access().rights().value());
    }

    @Override
    public Changes changes(String account, long folderId, long sinceModseq, boolean claimRecent) {
        Mailboxes mailboxes = new Mailboxes(em);
        Reached r = mailboxes.reach(account, folderId).demand('r', "read folder " + folderId);
        Folder folder = r.folder();
        boolean mayClaim = claimRecent && FlagRights.mayWrite(r.access());
        // Sessions poll often: when the committed counters show nothing new, answer without locking. Every change
        // of a folder's items raises its HIGHESTMODSEQ in the same transaction, so this read cannot miss one.
        boolean claim = mayClaim && folder.hasUnclaimedRecent();
        if (folder.getHighestModseq() <= sinceModseq && !claim) {
            return new Changes(folder.getHighestModseq(), folder.getUidNext(), List.of(), List.of(),
                    Long.MAX_VALUE);
        }
        // Otherwise read under the folder lock, so the lists and counters are one consistent snapshot: a client
        // that resynchronises from the returned HIGHESTMODSEQ can neither miss nor half-see a change.
        folder = new FolderLocks(em).lock(folder.getId());
        // MAX_VALUE when nothing new was claimed: the session keeps the floor it has (RFC 3501 §2.3.2: a message
        // stays recent for the session that claimed it).
        long floor = mayClaim && folder.hasUnclaimedRecent() ? folder.claimRecent() : Long.MAX_VALUE;
        List<ItemState> changed = mailboxes.states(folder, r.seenReader(), sinceModseq);
        List<Long> expunged = em.createQuery("select e.uid from ExpungedItem e "
                + "where e.folder = :f and e.modseq > :m order by e.uid", Long.class)
                .setParameter("f", folder).setParameter("m", sinceModseq).getResultList();
        return new Changes(folder.getHighestModseq(), folder.getUidNext(), changed, expunged, floor);
    }

    @Override
    public List<ItemDetails> details(String account, long folderId, List<Long> uids) {
        Mailboxes mailboxes = new Mailboxes(em);
        Folder folder = mailboxes.reach(account, folderId).demand('r', "read folder " + folderId).folder();
        List<ItemDetails> out = new ArrayList<>(uids.size());
        for (int from = 0; from < uids.size(); from += Mailboxes.IN_CHUNK) {
            List<Long> chunk = uids.subList(from, Math.min(uids.size(), from + Mailboxes.IN_CHUNK));
            List<Object[]> rows = em.createQuery("select i.uid, i.internalDate, i.size, c.metadata "
                    + "from MailItem i join i.content c where i.folder = :f and i.uid in :u order by i.uid",
                    Object[].class).setParameter("f", folder).setParameter("u", chunk).getResultList();
            for (Object[] r : rows) {
                out.add(new ItemDetails((Long) r[0], (Instant) r[1], (Long) r[2], (String) r[3]));
            }
        }
        out.sort((a, b) -> Long.compare(a.uid(), b.uid()));
        return out;
    }

    @Override
    public String blobHash(String account, long folderId, long uid) {
        Folder folder = new Mailboxes(em).reach(account, folderId).demand('r', "read folder " + folderId).folder();
        return em.createQuery("select i.content.blobHash from MailItem i where i.folder = :f and i.uid = :u",
                String.class).setParameter("f", folder).setParameter("u", uid).getResultStream().findFirst()
                .orElseThrow(() -> new MailboxRefusal(Reason.NO_SUCH_FOLDER, "message " + uid + " is gone"));
    }

    /**
     * RFC 4314 §4: {@code s} for \Seen, {@code t} for \Deleted, {@code w} for the rest; flags the caller may not
     * change are left as they are, and only a STORE that could change nothing at all is refused (NO_PERMISSION).
     * Own rights apply to the caller's own items only; other items are left untouched and reported unchanged.
     */
    @Override
    public FlagResult store(String account, long folderId, List<Long> uids, FlagMode mode, Set<Flag> flags,
            Collection<String> keywords, long unchangedSince) {
        Mailboxes mailboxes = new Mailboxes(em);
        Reached r = mailboxes.reach(account, folderId);
        Mask touched = FlagRights.touched(mode, flags, keywords);
        if (!touched.isEmpty() && !touched.meets(FlagRights.allowedSomewhere(r.access()))) {
            throw new MailboxRefusal(Reason.NO_PERMISSION, "no right to change these flags");
        }
        r = r.locked(new FolderLocks(em));
        Folder folder = r.folder();
        Long reader = r.seenReader();
        List<ItemState> updated = new ArrayList<>();
        List<ItemState> unchanged = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        int refused = 0;
        int tried = 0;
        for (MailItem item : mailboxes.items(folder, uids)) {
            if (unchangedSince >= 0 && item.getModseq() > unchangedSince) {
                failed.add(item.getUid()); // RFC 7162 §3.1.3: changed since the client looked
                continue;
            }
            tried++;
            Mask allowed = FlagRights.allowed(r.access(), isOwn(item, r.caller()));
            if (!touched.isEmpty() && !touched.meets(allowed)) {
                refused++; // another's item, and the caller's rights on it are only for its own
                unchanged.add(state(mailboxes, item, reader));
                continue;
            }
            boolean changed;
            try {
                changed = change(mailboxes, item, folder, reader, mode, flags, keywords, allowed);
            } catch (Keywords.TooMany e) {
                throw new MailboxRefusal(Reason.LIMIT, e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new MailboxRefusal(Reason.CANNOT, e.getMessage());
            }
            (changed ? updated : unchanged).add(state(mailboxes, item, reader));
        }
        if (tried > 0 && refused == tried) {
            throw new MailboxRefusal(Reason.NO_PERMISSION, "no right to change these messages");
        }
        if (!updated.isEmpty()) {
            notifier.changed(folder.getId());
        }
        return new FlagResult(updated, unchanged, failed);
    }

    /** One item's STORE within what {@code allowed} lets the caller change; whether anything changed. */
    private static boolean change(Mailboxes mailboxes, MailItem item, Folder folder, Long reader, FlagMode mode,
            Set<Flag> flags, Collection<String> keywords, Mask allowed) {
        if (reader == null) {
            return item.changeFlags(mode, flags, keywords, folder, allowed.flags(), allowed.keywords());
        }
        // Public folder: \Seen is the reader's row, every other flag the item's (ADR 0006).
        EnumSet<Flag> shared = EnumSet.noneOf(Flag.class);
        shared.addAll(allowed.flags());
        shared.remove(Flag.SEEN);
        boolean changed = item.changeFlags(mode, flags, keywords, folder, shared, allowed.keywords());
        if (allowed.flags().contains(Flag.SEEN)) {
            boolean was = mailboxes.hasSeen(item, reader);
            boolean now = FlagRights.seenAfter(mode, flags, was);
            if (now != was) {
                mailboxes.setSeen(item, reader, now);
                if (!changed) {
                    item.touch(folder); // the reader's CONDSTORE view must see its own change
                }
                changed = true;
            }
        }
        return changed;
    }

    private static ItemState state(Mailboxes mailboxes, MailItem item, Long reader) {
        return new ItemState(item.getUid(), mailboxes.flagsFor(item, reader), item.getKeywords(), item.getModseq());
    }

    /** Whether the caller filed the item itself (its own rights apply, ADR 0006). */
    static boolean isOwn(MailItem item, Account caller) {
        Account creator = item.getCreator();
        return creator != null && creator.getId().equals(caller.getId());
    }

    /** RFC 4314 §4: {@code e}; with only own {@code e}, only the caller's own items go. */
    @Override
    public List<Long> expunge(String account, long folderId, List<Long> uids) {
        Mailboxes mailboxes = new Mailboxes(em);
        Reached r = mailboxes.reach(account, folderId);
        if (!r.access().mayOnSomeItems('e')) {
            throw new MailboxRefusal(Reason.NO_PERMISSION, "no right to expunge");
        }
        r = r.locked(new FolderLocks(em));
        Folder folder = r.folder();
        List<Long> candidates = new ArrayList<>();
        if (uids == null) {
            for (ItemState s : mailboxes.states(folder, null, -1)) {
                if (s.flags().contains(Flag.DELETED)) {
                    candidates.add(s.uid());
                }
            }
        } else {
            candidates.addAll(uids);
        }
        List<Long> expunged = new ArrayList<>();
        for (MailItem item : mailboxes.items(folder, candidates)) {
            if (!item.getFlags().contains(Flag.DELETED)) {
                continue; // RFC 3501 §6.4.3: only messages with \Deleted go
            }
            if (!r.access().rights().has('e') && !isOwn(item, r.caller())) {
                continue; // own 'e' only: another's item stays
            }
            mailboxes.remove(item, folder);
            contents.release(item.getContent());
            expunged.add(item.getUid());
        }
        if (!expunged.isEmpty()) {
            notifier.changed(folder.getId());
        }
        return expunged;
    }

    /** RFC 4314 §4: {@code i}; flags the caller may not set on its own item are dropped. */
    @Override
    public Filed append(String account, String path, BlobRef blob, ContentSummary summary, Set<Flag> flags,
            List<String> keywords, Instant internalDate) {
        Mailboxes mailboxes = new Mailboxes(em);
        Reached r = mailboxes.reach(account, path).demand('i', "append to " + path).locked(new FolderLocks(em));
        Folder folder = r.folder();
        mailboxes.checkFiling(folder, blob.size(), 1);
        Mask allowed = FlagRights.allowed(r.access(), true);
        Set<Flag> kept = FlagRights.filter(flags, allowed);
        boolean seen = r.perUserSeen() && kept.remove(Flag.SEEN);
        Instant now = clock.instant();
        MessageContent content = StoredContents.create(blob, summary, 1, now); // the one reference: the item
        em.persist(content);
        MailItem item;
        try {
            item = MailItem.file(folder, content, internalDate == null ? now : internalDate, kept,
                    allowed.keywords() ? keywords : List.of()).createdBy(r.caller());
        } catch (Keywords.TooMany e) {
            throw new MailboxRefusal(Reason.LIMIT, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new MailboxRefusal(Reason.CANNOT, e.getMessage());
        }
        em.persist(item);
        if (seen) {
            em.persist(new ItemSeen(item.getId(), r.caller().getId()));
        }
        deliveries.publicFolderFiled(folder.getId());
        notifier.changed(folder.getId());
        return new Filed(folder.getUidValidity(), item.getUid());
    }

    /**
     * RFC 4314 §4: {@code r} on the source, {@code i} on the target, and for MOVE {@code t} and {@code e} on every
     * moved message (RFC 6851 moves all or nothing). The copies are the caller's own items, with the flags as the
     * caller sees them narrowed to what it may set in the target.
     */
    @Override
    public Copied copy(String account, long folderId, List<Long> uids, String targetPath, boolean move) {
        Mailboxes mailboxes = new Mailboxes(em);
        Reached source = mailboxes.reach(account, folderId).demand('r', "read folder " + folderId);
        Reached target = mailboxes.reach(source.caller(), targetPath).demand('i', "file into " + targetPath);
        if (move && !(source.access().mayOnSomeItems('t') && source.access().mayOnSomeItems('e'))) {
            throw new MailboxRefusal(Reason.NO_PERMISSION, "no right to remove messages from the source");
        }
        FolderLocks locks = new FolderLocks(em);
        new TreeSet<>(List.of(source.folder().getId(), target.folder().getId())).forEach(locks::lock);
        source = source.locked(locks);
        target = target.locked(locks);
        Account caller = source.caller();
        List<MailItem> items = mailboxes.items(source.folder(), uids);
        if (move) {
            for (MailItem item : items) {
                Long creator = item.getCreator() == null ? null : item.getCreator().getId();
                if (!source.access().mayOnItem('t', creator, caller.getId())
                        || !source.access().mayOnItem('e', creator, caller.getId())) {
                    throw new MailboxRefusal(Reason.NO_PERMISSION, "no right to move message " + item.getUid());
                }
            }
        }
        boolean sameOwner = source.folder().getOwner().getId().equals(target.folder().getOwner().getId());
        if (!move || !sameOwner) {
            long bytes = items.stream().mapToLong(MailItem::getSize).sum();
            mailboxes.checkFiling(target.folder(), bytes, items.size());
        }
        Mask allowed = FlagRights.allowed(target.access(), true);
        Long sourceReader = source.seenReader();
        boolean targetPerUser = target.perUserSeen();
        List<Long> from = new ArrayList<>(items.size());
        List<Long> to = new ArrayList<>(items.size());
        // A copy adds one reference per content; a move hands the source item's reference to the new item.
        Map<Long, MessageContent> added = new TreeMap<>();
        Map<Long, Integer> counts = new TreeMap<>();
        for (MailItem item : items) {
            Set<Flag> flags = FlagRights.filter(mailboxes.flagsFor(item, sourceReader), allowed);
            boolean seen = targetPerUser && flags.remove(Flag.SEEN);
            MailItem copy = item.copyTo(target.folder(), caller, flags,
                    allowed.keywords() ? item.getKeywords() : List.of());
            em.persist(copy);
            if (seen) {
                em.persist(new ItemSeen(copy.getId(), caller.getId()));
            }
            from.add(item.getUid());
            to.add(copy.getUid());
            if (move) {
                mailboxes.remove(item, source.folder());
            } else {
                added.put(item.getContent().getId(), item.getContent());
                counts.merge(item.getContent().getId(), 1, Integer::sum);
            }
        }
        for (Map.Entry<Long, MessageContent> e : added.entrySet()) {
            contents.adjust(e.getValue(), counts.get(e.getKey()));
        }
        if (!items.isEmpty()) {
            deliveries.publicFolderFiled(target.folder().getId());
            notifier.changed(target.folder().getId());
            if (move) {
                notifier.changed(source.folder().getId());
            }
        }
        return new Copied(target.folder().getUidValidity(), from, to);
    }

    @Override
    public void discardBlob(String hash) {
        BlobGarbage g = em.find(BlobGarbage.class, hash);
        if (g == null) {
            em.persist(new BlobGarbage(hash, clock.instant()));
        } else {
            g.releasedAgain(clock.instant());
        }
    }
}
