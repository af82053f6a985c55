package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.atrium.store.application.FolderChangeNotifier;
import org.atrium.store.application.FolderService;
import org.atrium.store.application.MailboxRefusal;
import org.atrium.store.application.MailboxRefusal.Reason;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.Flag;
import org.atrium.store.domain.Folder;
import org.atrium.store.domain.FolderPath;
import org.atrium.store.domain.MailItem;
import org.atrium.store.domain.MessageContent;

/**
 * See {@link FolderService}. Structural changes (create, delete, rename) lock the account row (its version), so two
 * sessions of one user renaming and creating at once serialise instead of leaving a subfolder under a path that no
 * longer exists; the unique (owner, path) constraint is the last guard.
 */
@Stateless
public class DefaultFolderService implements FolderService {

    /** INBOX first (RFC 3501 §6.3.8 lists it as the client expects), then by path. */
    static final Comparator<String> LISTING_ORDER = Comparator
            .comparing((String p) -> !p.equals(FolderPath.INBOX)).thenComparing(Comparator.naturalOrder());

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    ContentReferences contents;

    @Inject
    FolderChangeNotifier notifier;

    private final Clock clock = Clock.systemUTC();

    @Override
    public List<FolderView> folders(String account) {
        List<Folder> all = new Mailboxes(em).all(account);
        Set<Long> parents = new HashSet<>();
        for (Folder f : all) {
            if (f.getParent() != null) {
                parents.add(f.getParent().getId());
            }
        }
        List<FolderView> out = new ArrayList<>(all.size());
        for (Folder f : all) {
            out.add(view(f, parents.contains(f.getId())));
        }
        out.sort(Comparator.comparing(FolderView::path, LISTING_ORDER));
        return out;
    }

    private static FolderView view(Folder f, boolean hasChildren) {
        return new FolderView(f.getId(), f.getPath(), f.getSpecialUse(), f.isSubscribed(), hasChildren);
    }

    @Override
    public FolderView create(String account, String path) {
        FolderPath p = Mailboxes.path(path);
        Mailboxes mailboxes = new Mailboxes(em);
        lockAccount(mailboxes, account);
        if (mailboxes.find(account, p).isPresent()) {
            throw new MailboxRefusal(Reason.EXISTS, "folder " + p + " exists");
        }
        return view(createWithParents(mailboxes, account, p), false);
    }

    /** Creates {@code p} and the missing folders above it (RFC 3501 §6.3.3); returns the folder at {@code p}. */
    private Folder createWithParents(Mailboxes mailboxes, String account, FolderPath p) {
        Instant now = clock.instant();
        Account owner = mailboxes.account(account);
        Folder parent = null;
        for (FolderPath level : p.lineage()) {
            Folder existing = mailboxes.find(account, level).orElse(null);
            if (existing == null) {
                existing = new Folder(owner, parent, level.name(), null, now);
                em.persist(existing);
                if (parent != null) {
                    // RFC 4314 leaves the initial ACL to the server: a subfolder starts as its parent is shared.
                    DefaultFolderAclService.inherit(em, parent, existing);
                }
            }
            parent = existing;
        }
        return parent;
    }

    @Override
    public void delete(String account, String path) {
        FolderPath p = Mailboxes.path(path);
        Mailboxes mailboxes = new Mailboxes(em);
        lockAccount(mailboxes, account);
        Folder f = mailboxes.require(account, p);
        if (p.isInbox()) {
            throw new MailboxRefusal(Reason.CANNOT, "INBOX cannot be deleted");
        }
        long children = em.createQuery("select count(f) from Folder f where f.parent = :p", Long.class)
                .setParameter("p", f).getSingleResult();
        if (children > 0) {
            throw new MailboxRefusal(Reason.HAS_CHILDREN, "folder " + p + " has subfolders");
        }
        Folder locked = new FolderLocks(em).lock(f.getId());
        // References are dropped per content (a content may be in the folder more than once), after the items
        // are gone, so the counts never undercount the rows still pointing at a content.
        List<Object[]> refs = em.createQuery("select i.content.id, count(i) from MailItem i where i.folder = :f "
                + "group by i.content.id order by i.content.id", Object[].class).setParameter("f", locked)
                .getResultList();
        em.createQuery("delete from MailItem i where i.folder = :f").setParameter("f", locked).executeUpdate();
        em.createQuery("delete from ExpungedItem e where e.folder = :f").setParameter("f", locked)
                .executeUpdate();
        DefaultFolderAclService.dropAll(em, locked);
        for (Object[] r : refs) {
            contents.adjust(em.find(MessageContent.class, r[0]), -((Number) r[1]).intValue());
        }
        em.remove(locked);
        notifier.changed(locked.getId()); // a session that has it selected learns that it is gone
    }

    @Override
    public void rename(String account, String from, String to) {
        FolderPath source = Mailboxes.path(from);
        FolderPath target = Mailboxes.path(to);
        Mailboxes mailboxes = new Mailboxes(em);
        lockAccount(mailboxes, account);
        Folder folder = mailboxes.require(account, source);
        if (mailboxes.find(account, target).isPresent()) {
            throw new MailboxRefusal(Reason.EXISTS, "folder " + target + " exists");
        }
        if (target.isBelow(source)) {
            throw new MailboxRefusal(Reason.CANNOT, "a folder cannot be moved into itself");
        }
        if (source.isInbox()) {
            renameInbox(mailboxes, account, folder, target);
            return;
        }
        Folder parent = target.parent() == null ? null : createWithParents(mailboxes, account, target.parent());
        for (Folder f : mailboxes.all(account)) {
            FolderPath p = new FolderPath(f.getPath());
            if (p.isBelow(source)) {
                f.relocate(p.rebase(source, target));
            }
        }
        folder.moveTo(parent, target);
        notifier.changed(folder.getId());
    }

    /**
     * RFC 3501 §6.3.5: renaming INBOX moves all its messages into a new folder of the new name and leaves INBOX
     * empty; its subfolders stay. The messages get new UIDs there (a new folder, a new UIDVALIDITY) and leave
     * INBOX as expunged, content references handed over one for one.
     */
    private void renameInbox(Mailboxes mailboxes, String account, Folder inbox, FolderPath target) {
        Folder created = createWithParents(mailboxes, account, target);
        em.flush(); // the new folder's id, for the lock order
        FolderLocks locks = new FolderLocks(em);
        new TreeSet<>(List.of(inbox.getId(), created.getId())).forEach(locks::lock);
        Folder lockedInbox = locks.lock(inbox.getId());
        Folder lockedTarget = locks.lock(created.getId());
        List<MailItem> items = em.createQuery("select i from MailItem i where i.folder = :f order by i.uid",
                MailItem.class).setParameter("f", lockedInbox).getResultList();
        for (MailItem item : items) {
            em.persist(item.copyTo(lockedTarget));
            mailboxes.remove(item, lockedInbox);
        }
        notifier.changed(lockedInbox.getId());
    }

    @Override
    public void setSubscribed(String account, String path, boolean subscribed) {
        FolderPath p = Mailboxes.path(path);
        Mailboxes mailboxes = new Mailboxes(em);
        var folder = mailboxes.find(account, p);
        if (folder.isEmpty()) {
            if (subscribed) {
                throw new MailboxRefusal(Reason.NO_SUCH_FOLDER, "no folder " + p);
            }
            return;
        }
        folder.get().setSubscribed(subscribed);
    }

    @Override
    public FolderCounters status(String account, String path) {
        Mailboxes mailboxes = new Mailboxes(em);
        Folder f = mailboxes.require(account, Mailboxes.path(path));
        List<Object[]> rows = em.createQuery("select i.uid, i.flags, i.size, i.modseq from MailItem i "
                + "where i.folder = :f", Object[].class).setParameter("f", f).getResultList();
        long recent = 0;
        long unseen = 0;
        long deleted = 0;
        long size = 0;
        long maxUid = 0;
        long maxModseq = f.getHighestModseq();
        for (Object[] r : rows) {
            long uid = (Long) r[0];
            Set<Flag> flags = Flag.fromBits((Integer) r[1]);
            recent += uid > f.getRecentUid() ? 1 : 0;
            unseen += flags.contains(Flag.SEEN) ? 0 : 1;
            deleted += flags.contains(Flag.DELETED) ? 1 : 0;
            size += (Long) r[2];
            maxUid = Math.max(maxUid, uid);
            maxModseq = Math.max(maxModseq, (Long) r[3]);
        }
        // The folder row was read before the items without a lock: a delivery committed in between shows in the
        // items, so the counters are raised to cover what the items show.
        return new FolderCounters(rows.size(), recent, Math.max(f.getUidNext(), maxUid + 1), f.getUidValidity(),
                unseen, maxModseq, size, deleted);
    }

    @Override
    public QuotaUsage quota(String account) {
        Mailboxes mailboxes = new Mailboxes(em);
        return mailboxes.usage(mailboxes.account(account));
    }

    /** Serialises structural changes of one user's hierarchy (see class comment). */
    private void lockAccount(Mailboxes mailboxes, String account) {
        em.lock(mailboxes.account(account), LockModeType.PESSIMISTIC_WRITE);
    }
}
