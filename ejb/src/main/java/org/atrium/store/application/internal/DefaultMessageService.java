package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.atrium.store.application.ContentSummary;
import org.atrium.store.application.FolderChangeNotifier;
import org.atrium.store.application.MailboxRefusal;
import org.atrium.store.application.MailboxRefusal.Reason;
import org.atrium.store.application.MessageService;
import org.atrium.store.domain.BlobGarbage;
import org.atrium.store.domain.BlobStore.BlobRef;
import org.atrium.store.domain.Flag;
import org.atrium.store.domain.FlagMode;
import org.atrium.store.domain.Folder;
import org.atrium.store.domain.FolderPath;
import org.atrium.store.domain.Keywords;
import org.atrium.store.domain.MailItem;
import org.atrium.store.domain.MessageContent;

/**
 * See {@link MessageService}. Every change of a folder's items happens under its row lock (here, in delivery and in
 * POP3 expunge), so what is read under that lock is an exact snapshot: SELECT and a CHANGES that found something
 * new read under it, briefly. Writes lock the folder rows first (ascending ids), then touch items, then content
 * rows, the order delivery uses, so they cannot deadlock.
 */
@Stateless
public class DefaultMessageService implements MessageService {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    ContentReferences contents;

    @Inject
    FolderChangeNotifier notifier;

    private final Clock clock = Clock.systemUTC();

    @Override
    public Opened select(String account, String path, boolean readOnly) {
        Mailboxes mailboxes = new Mailboxes(em);
        Folder folder = new FolderLocks(em).lock(mailboxes.require(account, Mailboxes.path(path)).getId());
        // Under the lock no one else can add, change or claim: the snapshot below is exact, and for a read-write
        // open the messages above the floor are recent for this session only (RFC 3501 §2.3.2).
        long floor = readOnly ? folder.getRecentUid() : folder.claimRecent();
        List<ItemState> items = mailboxes.states(folder, -1);
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
        return new Opened(folder.getId(), folder.getPath(), folder.getUidValidity(), folder.getUidNext(),
                folder.getHighestModseq(), items, floor, keywords);
    }

    @Override
    public Changes changes(String account, long folderId, long sinceModseq, boolean claimRecent) {
        Mailboxes mailboxes = new Mailboxes(em);
        Folder folder = mailboxes.require(account, folderId);
        // Sessions poll often: when the committed counters show nothing new, answer without locking. Every change
        // of a folder's items raises its HIGHESTMODSEQ in the same transaction, so this read cannot miss one.
        boolean claim = claimRecent && folder.hasUnclaimedRecent();
        if (folder.getHighestModseq() <= sinceModseq && !claim) {
            return new Changes(folder.getHighestModseq(), folder.getUidNext(), List.of(), List.of(),
                    Long.MAX_VALUE);
        }
        // Otherwise read under the folder lock, so the lists and counters are one consistent snapshot: a client
        // that resynchronises from the returned HIGHESTMODSEQ can neither miss nor half-see a change.
        folder = new FolderLocks(em).lock(folder.getId());
        // MAX_VALUE when nothing new was claimed: the session keeps the floor it has (RFC 3501 §2.3.2: a message
        // stays recent for the session that claimed it).
        long floor = claimRecent && folder.hasUnclaimedRecent() ? folder.claimRecent() : Long.MAX_VALUE;
        List<ItemState> changed = mailboxes.states(folder, sinceModseq);
        List<Long> expunged = em.createQuery("select e.uid from ExpungedItem e "
                + "where e.folder = :f and e.modseq > :m order by e.uid", Long.class)
                .setParameter("f", folder).setParameter("m", sinceModseq).getResultList();
        return new Changes(folder.getHighestModseq(), folder.getUidNext(), changed, expunged, floor);
    }

    @Override
    public List<ItemDetails> details(String account, long folderId, List<Long> uids) {
        Mailboxes mailboxes = new Mailboxes(em);
        Folder folder = mailboxes.require(account, folderId);
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
        Folder folder = new Mailboxes(em).require(account, folderId);
        return em.createQuery("select i.content.blobHash from MailItem i where i.folder = :f and i.uid = :u",
                String.class).setParameter("f", folder).setParameter("u", uid).getResultStream().findFirst()
                .orElseThrow(() -> new MailboxRefusal(Reason.NO_SUCH_FOLDER, "message " + uid + " is gone"));
    }

    @Override
    public FlagResult store(String account, long folderId, List<Long> uids, FlagMode mode, Set<Flag> flags,
            Collection<String> keywords, long unchangedSince) {
        Mailboxes mailboxes = new Mailboxes(em);
        Folder folder = new FolderLocks(em).lock(mailboxes.require(account, folderId).getId());
        List<ItemState> updated = new ArrayList<>();
        List<ItemState> unchanged = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        for (MailItem item : mailboxes.items(folder, uids)) {
            if (unchangedSince >= 0 && item.getModseq() > unchangedSince) {
                failed.add(item.getUid()); // RFC 7162 §3.1.3: changed since the client looked
                continue;
            }
            boolean changed;
            try {
                changed = item.changeFlags(mode, flags, keywords, folder);
            } catch (Keywords.TooMany e) {
                throw new MailboxRefusal(Reason.LIMIT, e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new MailboxRefusal(Reason.CANNOT, e.getMessage());
            }
            (changed ? updated : unchanged).add(state(item));
        }
        if (!updated.isEmpty()) {
            notifier.changed(folder.getId());
        }
        return new FlagResult(updated, unchanged, failed);
    }

    private static ItemState state(MailItem item) {
        return new ItemState(item.getUid(), item.getFlags(), item.getKeywords(), item.getModseq());
    }

    @Override
    public List<Long> expunge(String account, long folderId, List<Long> uids) {
        Mailboxes mailboxes = new Mailboxes(em);
        Folder folder = new FolderLocks(em).lock(mailboxes.require(account, folderId).getId());
        List<Long> candidates = new ArrayList<>();
        if (uids == null) {
            for (ItemState s : mailboxes.states(folder, -1)) {
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
            mailboxes.remove(item, folder);
            contents.release(item.getContent());
            expunged.add(item.getUid());
        }
        if (!expunged.isEmpty()) {
            notifier.changed(folder.getId());
        }
        return expunged;
    }

    @Override
    public Filed append(String account, String path, BlobRef blob, ContentSummary summary, Set<Flag> flags,
            List<String> keywords, Instant internalDate) {
        Mailboxes mailboxes = new Mailboxes(em);
        FolderPath p = Mailboxes.path(path);
        Folder folder = new FolderLocks(em).lock(mailboxes.require(account, p).getId());
        mailboxes.checkQuota(folder.getOwner(), blob.size(), 1);
        Instant now = clock.instant();
        MessageContent content = StoredContents.create(blob, summary, 1, now); // the one reference: the item
        em.persist(content);
        MailItem item;
        try {
            item = MailItem.file(folder, content, internalDate == null ? now : internalDate, flags, keywords);
        } catch (Keywords.TooMany e) {
            throw new MailboxRefusal(Reason.LIMIT, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new MailboxRefusal(Reason.CANNOT, e.getMessage());
        }
        em.persist(item);
        notifier.changed(folder.getId());
        return new Filed(folder.getUidValidity(), item.getUid());
    }

    @Override
    public Copied copy(String account, long folderId, List<Long> uids, String targetPath, boolean move) {
        Mailboxes mailboxes = new Mailboxes(em);
        Folder source = mailboxes.require(account, folderId);
        Folder target = mailboxes.require(account, Mailboxes.path(targetPath));
        FolderLocks locks = new FolderLocks(em);
        new TreeSet<>(List.of(source.getId(), target.getId())).forEach(locks::lock);
        source = locks.lock(source.getId());
        target = locks.lock(target.getId());
        List<MailItem> items = mailboxes.items(source, uids);
        if (!move) {
            long bytes = items.stream().mapToLong(MailItem::getSize).sum();
            mailboxes.checkQuota(target.getOwner(), bytes, items.size());
        }
        List<Long> from = new ArrayList<>(items.size());
        List<Long> to = new ArrayList<>(items.size());
        // A copy adds one reference per content; a move hands the source item's reference to the new item.
        Map<Long, MessageContent> added = new TreeMap<>();
        Map<Long, Integer> counts = new TreeMap<>();
        for (MailItem item : items) {
            MailItem copy = item.copyTo(target);
            em.persist(copy);
            from.add(item.getUid());
            to.add(copy.getUid());
            if (move) {
                mailboxes.remove(item, source);
            } else {
                added.put(item.getContent().getId(), item.getContent());
                counts.merge(item.getContent().getId(), 1, Integer::sum);
            }
        }
        for (Map.Entry<Long, MessageContent> e : added.entrySet()) {
            contents.adjust(e.getValue(), counts.get(e.getKey()));
        }
        if (!items.isEmpty()) {
            notifier.changed(target.getId());
            if (move) {
                notifier.changed(source.getId());
            }
        }
        return new Copied(target.getUidValidity(), from, to);
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
