package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.atrium.store.application.FolderChangeNotifier;
import org.atrium.store.application.FolderService;
import org.atrium.store.application.MailboxRefusal;
import org.atrium.store.application.MailboxRefusal.Reason;
import org.atrium.store.application.internal.FolderAccess.Access;
import org.atrium.store.application.internal.Mailboxes.Reached;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.Flag;
import org.atrium.store.domain.Folder;
import org.atrium.store.domain.FolderAcl;
import org.atrium.store.domain.FolderPath;
import org.atrium.store.domain.FolderSubscription;
import org.atrium.store.domain.MailItem;
import org.atrium.store.domain.MailboxGrant;
import org.atrium.store.domain.MessageContent;
import org.atrium.store.domain.Role;

/**
 * See {@link FolderService}. Structural changes (create, delete, rename) lock the row of the account that owns the
 * hierarchy (its version; a public folder store's too), so two sessions renaming and creating at once serialise
 * instead of leaving a subfolder under a path that no longer exists; the unique (owner, path) constraint is the last
 * guard. Foreign folders are found for LIST without scanning everyone's: through the ACL entries naming one of the
 * caller's identities, the owners who gave the caller a mailbox grant, and the caller's public store.
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
        Mailboxes mailboxes = new Mailboxes(em);
        Account caller = mailboxes.account(account);
        Map<String, FolderView> byName = new LinkedHashMap<>();
        for (Folder f : mailboxes.all(caller)) {
            byName.put(f.getPath(), new FolderView(f.getId(), f.getPath(), f.getSpecialUse(), f.isSubscribed(),
                    false, true));
        }
        Set<Long> subscribed = new HashSet<>(em.createQuery("select s.folderId from FolderSubscription s "
                + "where s.accountId = :a", Long.class).setParameter("a", caller.getId()).getResultList());
        List<FolderView> foreign = new ArrayList<>();
        for (Folder f : lookable(mailboxes, caller)) {
            foreign.add(new FolderView(f.getId(), Mailboxes.nameOf(caller, f), null, subscribed.contains(f.getId()),
                    false, true));
        }
        for (FolderView v : foreign) {
            byName.put(v.path(), v);
        }
        for (FolderView v : foreign) {
            for (String above : NameTree.above(v.path())) {
                byName.putIfAbsent(above, new FolderView(0, above, null, false, false, false));
            }
        }
        Set<String> parents = NameTree.parents(byName.keySet());
        List<FolderView> out = new ArrayList<>(byName.size());
        for (FolderView v : byName.values()) {
            out.add(new FolderView(v.id(), v.path(), v.specialUse(), v.subscribed(), parents.contains(v.path()),
                    v.selectable()));
        }
        out.sort(Comparator.comparing(FolderView::path, LISTING_ORDER));
        return out;
    }

    /** The foreign folders the caller may look up ({@code l}), found without scanning every folder. */
    private List<Folder> lookable(Mailboxes mailboxes, Account caller) {
        FolderAccess access = new FolderAccess(em);
        Set<String> identities = access.identities(caller);
        Map<Long, Folder> candidates = new HashMap<>();
        for (Folder f : em.createQuery("select f from Folder f join fetch f.owner where f.owner <> :me and f.id in "
                + "(select e.folderId from FolderAcl e where e.identifier in :ids)", Folder.class)
                .setParameter("me", caller).setParameter("ids", identities).getResultList()) {
            candidates.put(f.getId(), f);
        }
        for (Folder f : em.createQuery("select f from Folder f join fetch f.owner where f.owner <> :me and "
                + "f.owner.id in (select g.ownerId from MailboxGrant g where g.grantee = :g and g.access <> :none)",
                Folder.class).setParameter("me", caller)
                .setParameter("g", caller.getAddress().toLowerCase(Locale.ROOT))
                .setParameter("none", MailboxGrant.Access.NONE).getResultList()) {
            candidates.put(f.getId(), f);
        }
        Optional<Account> store = mailboxes.publicStore(caller);
        store.ifPresent(s -> mailboxes.all(s).forEach(f -> candidates.put(f.getId(), f)));
        // Another public tree (a domain's own, or the organisation's where the caller's domain has its own) has no
        // name for this caller, however it is shared (ADR 0006).
        candidates.values().removeIf(f -> f.getOwner().getKind().isPublic()
                && (store.isEmpty() || !store.get().getId().equals(f.getOwner().getId())));
        Map<Long, Access> rights = access.ofAll(candidates.values(), caller, identities);
        List<Folder> out = new ArrayList<>();
        for (Folder f : candidates.values()) {
            if (rights.get(f.getId()).rights().has('l')) {
                out.add(f);
            }
        }
        return out;
    }

    @Override
    public FolderView create(String account, String path) {
        MailboxName n = Mailboxes.name(path);
        Mailboxes mailboxes = new Mailboxes(em);
        Account caller = mailboxes.account(account);
        if (!n.isFolder()) {
            throw new MailboxRefusal(Reason.CANNOT, path + " is a namespace, not a folder");
        }
        Account owner = mailboxes.owner(caller, n).orElseThrow(() -> new MailboxRefusal(Reason.NO_PERMISSION,
                "cannot create " + path));
        lockAccount(owner);
        FolderPath p = n.path();
        Optional<Folder> existing = mailboxes.find(owner, p);
        if (existing.isPresent()) {
            boolean seen = owner.getId().equals(caller.getId())
                    || mailboxes.visible(caller, existing.get()).isPresent();
            throw seen ? new MailboxRefusal(Reason.EXISTS, "folder " + path + " exists")
                    : new MailboxRefusal(Reason.NO_PERMISSION, "cannot create " + path);
        }
        boolean publicTop = mayCreate(mailboxes, caller, owner, p);
        Folder created = createWithParents(mailboxes, owner, p, publicTop ? caller : null);
        boolean own = owner.getId().equals(caller.getId());
        return new FolderView(created.getId(), Mailboxes.nameOf(caller, created), created.getSpecialUse(),
                own && created.isSubscribed(), false, true);
    }

    /**
     * Refuses with NO_PERMISSION unless the caller may create {@code p} in {@code owner}'s hierarchy: its own
     * always; elsewhere {@code k} on the nearest existing folder above (RFC 4314 §4), or at the top an
     * administrator (public tree) or a FULL mailbox grant (another user's mailbox).
     *
     * @return whether a new top-level public folder is created, whose creator becomes its Owner (ADR 0006)
     */
    private boolean mayCreate(Mailboxes mailboxes, Account caller, Account owner, FolderPath p) {
        if (owner.getId().equals(caller.getId())) {
            return false;
        }
        List<FolderPath> lineage = p.lineage();
        for (int i = lineage.size() - 2; i >= 0; i--) {
            Optional<Folder> above = mailboxes.find(owner, lineage.get(i));
            if (above.isPresent()) {
                if (mailboxes.visible(caller, above.get()).map(r -> r.access().rights().has('k')).orElse(false)) {
                    return false;
                }
                throw new MailboxRefusal(Reason.NO_PERMISSION, "no right to create below " + lineage.get(i));
            }
        }
        if (owner.getKind().isPublic()) {
            if (caller.isAdmin()) {
                return true;
            }
            throw new MailboxRefusal(Reason.NO_PERMISSION, "only administrators create top-level public folders");
        }
        MailboxGrant grant = em.find(MailboxGrant.class,
                new MailboxGrant.Key(owner.getId(), caller.getAddress().toLowerCase(Locale.ROOT)));
        if (grant != null && grant.getAccess() == MailboxGrant.Access.FULL) {
            return false;
        }
        throw new MailboxRefusal(Reason.NO_PERMISSION, "no right to create folders in this mailbox");
    }

    /**
     * Creates {@code p} and the missing folders above it (RFC 3501 §6.3.3); returns the folder at {@code p}.
     *
     * @param topOwner when not null, a new top-level folder gets an Owner entry for this account before its
     *        subfolders are created (so they inherit it)
     */
    private Folder createWithParents(Mailboxes mailboxes, Account owner, FolderPath p, Account topOwner) {
        Instant now = clock.instant();
        Folder parent = null;
        for (FolderPath level : p.lineage()) {
            Folder existing = mailboxes.find(owner, level).orElse(null);
            if (existing == null) {
                existing = new Folder(owner, parent, level.name(), null, now);
                em.persist(existing);
                if (parent != null) {
                    // RFC 4314 leaves the initial ACL to the server: a subfolder starts as its parent is shared.
                    DefaultFolderAclService.inherit(em, parent, existing);
                } else if (topOwner != null) {
                    em.persist(new FolderAcl(existing.getId(),
                            FolderAcl.identifier(topOwner.getAddress()), Role.OWNER.rights()));
                }
            }
            parent = existing;
        }
        return parent;
    }

    @Override
    public void delete(String account, String path) {
        Mailboxes mailboxes = new Mailboxes(em);
        Account caller = mailboxes.account(account);
        MailboxName n = Mailboxes.name(path);
        lockOwner(mailboxes, caller, n, path);
        Reached r = reach(mailboxes, caller, n, path).demand('x', "delete " + path);
        Folder f = r.folder();
        if (n.path().isInbox() && !f.getOwner().getKind().isPublic()) {
            throw new MailboxRefusal(Reason.CANNOT, "INBOX cannot be deleted");
        }
        long children = em.createQuery("select count(f) from Folder f where f.parent = :p", Long.class)
                .setParameter("p", f).getSingleResult();
        if (children > 0) {
            throw new MailboxRefusal(Reason.HAS_CHILDREN, "folder " + path + " has subfolders");
        }
        Folder locked = new FolderLocks(em).lock(f.getId());
        // References are dropped per content (a content may be in the folder more than once), after the items
        // are gone, so the counts never undercount the rows still pointing at a content. Readers' \Seen rows and
        // subscriptions go with the items and the folder (foreign keys cascade).
        List<Object[]> refs = em.createQuery("select i.content.id, count(i) from MailItem i where i.folder = :f "
                + "group by i.content.id order by i.content.id", Object[].class).setParameter("f", locked)
                .getResultList();
        em.createQuery("delete from MailItem i where i.folder = :f").setParameter("f", locked).executeUpdate();
        em.createQuery("delete from ExpungedItem e where e.folder = :f").setParameter("f", locked)
                .executeUpdate();
        em.createQuery("delete from FolderSubscription s where s.folderId = :f").setParameter("f", locked.getId())
                .executeUpdate();
        DefaultFolderAclService.dropAll(em, locked);
        for (Object[] refRow : refs) {
            contents.adjust(em.find(MessageContent.class, refRow[0]), -((Number) refRow[1]).intValue());
        }
        em.remove(locked);
        notifier.changed(locked.getId()); // a session that has it selected learns that it is gone
    }

    @Override
    public void rename(String account, String from, String to) {
        Mailboxes mailboxes = new Mailboxes(em);
        Account caller = mailboxes.account(account);
        MailboxName src = Mailboxes.name(from);
        MailboxName dst = Mailboxes.name(to);
        Account owner = lockOwner(mailboxes, caller, src, from);
        Reached r = reach(mailboxes, caller, src, from).demand('x', "rename " + from);
        if (!dst.isFolder()) {
            throw new MailboxRefusal(Reason.CANNOT, to + " is a namespace, not a folder");
        }
        Optional<Account> targetOwner = mailboxes.owner(caller, dst);
        if (targetOwner.isEmpty() || !targetOwner.get().getId().equals(owner.getId())) {
            throw new MailboxRefusal(Reason.CANNOT, "a folder cannot be renamed into another mailbox");
        }
        FolderPath source = src.path();
        FolderPath target = dst.path();
        Optional<Folder> taken = mailboxes.find(owner, target);
        if (taken.isPresent()) {
            boolean seen = r.own() || mailboxes.visible(caller, taken.get()).isPresent();
            throw seen ? new MailboxRefusal(Reason.EXISTS, "folder " + to + " exists")
                    : new MailboxRefusal(Reason.NO_PERMISSION, "cannot rename to " + to);
        }
        if (target.isBelow(source)) {
            throw new MailboxRefusal(Reason.CANNOT, "a folder cannot be moved into itself");
        }
        mayCreate(mailboxes, caller, owner, target);
        Folder folder = r.folder();
        if (source.isInbox() && !owner.getKind().isPublic()) {
            renameInbox(mailboxes, owner, folder, target);
            return;
        }
        Folder parent = target.parent() == null ? null
                : createWithParents(mailboxes, owner, target.parent(), null);
        for (Folder f : mailboxes.all(owner)) {
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
    private void renameInbox(Mailboxes mailboxes, Account owner, Folder inbox, FolderPath target) {
        Folder created = createWithParents(mailboxes, owner, target, null);
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

    /** Own folders keep {@link Folder#isSubscribed()}; others' a {@link FolderSubscription} row (ADR 0006). */
    @Override
    public void setSubscribed(String account, String path, boolean subscribed) {
        MailboxName n = Mailboxes.name(path);
        Mailboxes mailboxes = new Mailboxes(em);
        Account caller = mailboxes.account(account);
        Optional<Reached> reached = mailboxes.tryReach(caller, n);
        if (reached.isEmpty()) {
            if (subscribed) {
                throw new MailboxRefusal(Reason.NO_SUCH_FOLDER, "no folder " + path);
            }
            return;
        }
        Reached r = reached.get();
        if (r.own()) {
            r.folder().setSubscribed(subscribed);
            return;
        }
        FolderSubscription row = em.find(FolderSubscription.class,
                new FolderSubscription.Key(caller.getId(), r.folder().getId()));
        if (subscribed && row == null) {
            em.persist(new FolderSubscription(caller.getId(), r.folder().getId()));
        } else if (!subscribed && row != null) {
            em.remove(row);
        }
    }

    /** Needs {@code r} (RFC 4314 §4); UNSEEN counts the caller's own \Seen in public folders (ADR 0006). */
    @Override
    public FolderCounters status(String account, String path) {
        Mailboxes mailboxes = new Mailboxes(em);
        Reached r = mailboxes.reach(account, path).demand('r', "read " + path);
        Folder f = r.folder();
        Long reader = r.seenReader();
        Set<Long> seenByReader = reader == null ? Set.of() : mailboxes.seenBy(f, reader, -1);
        List<Object[]> rows = em.createQuery("select i.uid, i.flags, i.size, i.modseq, i.id from MailItem i "
                + "where i.folder = :f", Object[].class).setParameter("f", f).getResultList();
        long recent = 0;
        long unseen = 0;
        long deleted = 0;
        long size = 0;
        long maxUid = 0;
        long maxModseq = f.getHighestModseq();
        for (Object[] row : rows) {
            long uid = (Long) row[0];
            Set<Flag> flags = Flag.fromBits((Integer) row[1]);
            boolean seen = reader == null ? flags.contains(Flag.SEEN) : seenByReader.contains((Long) row[4]);
            recent += uid > f.getRecentUid() ? 1 : 0;
            unseen += seen ? 0 : 1;
            deleted += flags.contains(Flag.DELETED) ? 1 : 0;
            size += (Long) row[2];
            maxUid = Math.max(maxUid, uid);
            maxModseq = Math.max(maxModseq, (Long) row[3]);
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

    /** The folder a name leads to, as the caller reaches it; NO_SUCH_FOLDER otherwise. */
    private static Reached reach(Mailboxes mailboxes, Account caller, MailboxName n, String path) {
        return mailboxes.tryReach(caller, n).orElseThrow(() -> new MailboxRefusal(Reason.NO_SUCH_FOLDER,
                "no folder " + path));
    }

    /** Locks the owner of the hierarchy a name lies in (see class comment); NO_SUCH_FOLDER when there is none. */
    private Account lockOwner(Mailboxes mailboxes, Account caller, MailboxName n, String path) {
        if (!n.isFolder()) {
            throw new MailboxRefusal(Reason.NO_SUCH_FOLDER, "no folder " + path);
        }
        Account owner = mailboxes.owner(caller, n).orElseThrow(() -> new MailboxRefusal(Reason.NO_SUCH_FOLDER,
                "no folder " + path));
        lockAccount(owner);
        return owner;
    }

    /** Serialises structural changes of one hierarchy (see class comment). */
    private void lockAccount(Account owner) {
        em.lock(owner, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The names above a listed name, and which names have children: pure, over '/'-separated names. */
    static final class NameTree {

        private NameTree() {
        }

        /** Every name strictly above {@code name}, nearest first ({@code a/b/c}: {@code a/b}, {@code a}). */
        static List<String> above(String name) {
            List<String> out = new ArrayList<>();
            for (int i = name.lastIndexOf(Folder.DELIMITER); i > 0; i = name.lastIndexOf(Folder.DELIMITER, i - 1)) {
                out.add(name.substring(0, i));
            }
            return out;
        }

        /** The names among {@code names} that are the direct parent of another. */
        static Set<String> parents(Collection<String> names) {
            Set<String> out = new HashSet<>();
            for (String n : names) {
                int i = n.lastIndexOf(Folder.DELIMITER);
                if (i > 0) {
                    out.add(n.substring(0, i));
                }
            }
            return out;
        }
    }
}
