package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.atrium.store.application.DirectoryChanged;
import org.atrium.store.application.FolderChangeNotifier;
import org.atrium.store.application.MailboxRefusal;
import org.atrium.store.application.MailboxRefusal.Reason;
import org.atrium.store.application.PublicFolderService;
import org.atrium.store.application.PublicFolderView;
import org.atrium.store.application.StoreException;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.AccountKind;
import org.atrium.store.domain.Domain;
import org.atrium.store.domain.Folder;
import org.atrium.store.domain.FolderAcl;
import org.atrium.store.domain.FolderAddress;
import org.atrium.store.domain.FolderPath;
import org.atrium.store.domain.MailAddress;
import org.atrium.store.domain.MessageContent;

/**
 * See {@link PublicFolderService}. The organisation's store account is created on first need, in the first domain
 * created (the domain of a store account only anchors the row; its address is internal). Folder rows of a tree are
 * found by the store account's address and the path, as a user's are.
 */
@Stateless
public class DefaultPublicFolderService implements PublicFolderService {

    private static final Logger LOG = System.getLogger("org.atrium.store.publicfolders");

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    ContentReferences contents;

    @Inject
    FolderChangeNotifier notifier;

    @Inject
    Event<DirectoryChanged> changes;

    private final Clock clock = Clock.systemUTC();

    @Override
    public List<PublicFolderView> list(String tree) {
        Optional<Account> store = store(tree, false);
        if (store.isEmpty()) {
            return List.of();
        }
        List<Folder> folders = em.createQuery("select f from Folder f where f.owner = :o order by f.path",
                Folder.class).setParameter("o", store.get()).getResultList();
        return views(store.get(), folders);
    }

    @Override
    public PublicFolderView folder(String tree, String path) {
        Folder f = require(tree, path);
        return view(f);
    }

    @Override
    public PublicFolderView create(String tree, String path) {
        FolderPath p = path(path);
        Account store = store(tree, true).orElseThrow();
        Mailboxes mailboxes = new Mailboxes(em);
        if (mailboxes.find(store.getAddress(), p).isPresent()) {
            throw StoreException.conflict("path", "public folder " + p + " exists");
        }
        Folder parent = null;
        for (FolderPath level : p.lineage()) {
            Optional<Folder> existing = mailboxes.find(store.getAddress(), level);
            if (existing.isPresent()) {
                parent = existing.get();
                continue;
            }
            Folder created = new Folder(store, parent, level.name(), null, clock.instant());
            em.persist(created);
            if (parent != null) {
                DefaultFolderAclService.inherit(em, parent, created);
            }
            parent = created;
        }
        em.flush();
        LOG.log(Level.INFO, "public folders: {0} created in tree {1}", p, treeName(store));
        return view(parent);
    }

    @Override
    public void delete(String tree, String path, boolean force) {
        Folder f = require(tree, path);
        FolderPath top = FolderPath.parse(f.getPath());
        List<Folder> doomed = em.createQuery("select f from Folder f where f.owner = :o order by f.id", Folder.class)
                .setParameter("o", f.getOwner()).getResultList().stream()
                .filter(d -> d.getId().equals(f.getId()) || FolderPath.parse(d.getPath()).isBelow(top)).toList();
        if (!force) {
            if (doomed.size() > 1) {
                throw new MailboxRefusal(Reason.HAS_CHILDREN, "public folder " + f.getPath()
                        + " has subfolders; delete them first or force");
            }
            long items = em.createQuery("select count(i) from MailItem i where i.folder = :f", Long.class)
                    .setParameter("f", f).getSingleResult();
            if (items > 0) {
                throw StoreException.conflict("force", "public folder " + f.getPath() + " holds " + items
                        + " message(s); force to delete them with it");
            }
        }
        // Locks in ascending id order, as every delivery takes them; removal deepest first (parents are referenced).
        FolderLocks locks = new FolderLocks(em);
        List<Folder> locked = new ArrayList<>();
        for (Folder d : doomed) {
            locked.add(locks.lock(d.getId()));
        }
        locked.sort(Comparator.comparingInt((Folder d) -> d.getPath().length()).reversed());
        for (Folder d : locked) {
            deleteOne(d);
        }
        LOG.log(Level.INFO, "public folders: {0} deleted from tree {1} ({2} folder(s))", f.getPath(),
                treeName(f.getOwner()), locked.size());
    }

    /** Drops one locked folder with its items, history, permissions and address (cf. DefaultFolderService). */
    private void deleteOne(Folder locked) {
        List<Object[]> refs = em.createQuery("select i.content.id, count(i) from MailItem i where i.folder = :f "
                + "group by i.content.id order by i.content.id", Object[].class).setParameter("f", locked)
                .getResultList();
        em.createQuery("delete from MailItem i where i.folder = :f").setParameter("f", locked).executeUpdate();
        em.createQuery("delete from ExpungedItem e where e.folder = :f").setParameter("f", locked).executeUpdate();
        DefaultFolderAclService.dropAll(em, locked);
        address(locked).ifPresent(a -> {
            em.remove(a);
            changes.fire(new DirectoryChanged(DirectoryChanged.Kind.PUBLIC_FOLDER, a.getAddress(), true));
        });
        for (Object[] r : refs) {
            contents.adjust(em.find(MessageContent.class, r[0]), -((Number) r[1]).intValue());
        }
        em.flush();
        em.remove(locked);
        notifier.changed(locked.getId());
    }

    @Override
    public PublicFolderView permit(String tree, String path, String identifier, String role, String rights,
            String ownRights, String actor) {
        Folder f = administered(tree, path, actor);
        String id = PermissionRules.identifier(identifier, this::identifierKind);
        PermissionRules.Grant grant = PermissionRules.grant(role, rights, ownRights);
        FolderAcl entry = em.find(FolderAcl.class, new FolderAcl.Key(f.getId(), id));
        if (entry == null) {
            entry = new FolderAcl(f.getId(), id, grant.rights());
            entry.setOwnRights(grant.ownRights());
            em.persist(entry);
        } else {
            entry.setRights(grant.rights());
            entry.setOwnRights(grant.ownRights());
        }
        em.flush();
        LOG.log(Level.INFO, "public folders: {0} in tree {1}: {2} now has {3} (own {4})", f.getPath(),
                treeName(f.getOwner()), id, grant.rights(), grant.ownRights());
        return view(f);
    }

    /**
     * The folder whose permissions {@code actor} changes: an administrator (null) may change any; a user only those
     * of folders where it holds {@code a} (RFC 4314 §2.1), directly, through a group or {@code authenticated}.
     */
    private Folder administered(String tree, String path, String actor) {
        Folder f = require(tree, path);
        if (actor == null) {
            return f;
        }
        Account who = em.createQuery("select a from Account a where lower(a.address) = :a and a.kind = :k",
                Account.class).setParameter("a", actor.toLowerCase(Locale.ROOT)).setParameter("k", AccountKind.USER)
                .getResultStream().findFirst().orElseThrow(() -> StoreException.forbidden("no such user " + actor));
        if (!new FolderAccess(em).of(f, who).rights().has('a')) {
            throw StoreException.forbidden(actor + " may not change the permissions of " + path);
        }
        return f;
    }

    @Override
    public void unpermit(String tree, String path, String identifier, String actor) {
        Folder f = administered(tree, path, actor);
        String id;
        try {
            id = FolderAcl.identifier(identifier);
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("identifier", e.getMessage());
        }
        FolderAcl entry = em.find(FolderAcl.class, new FolderAcl.Key(f.getId(), id));
        if (entry != null) {
            em.remove(entry);
            LOG.log(Level.INFO, "public folders: {0} in tree {1}: permission of {2} removed", f.getPath(),
                    treeName(f.getOwner()), id);
        }
    }

    @Override
    public PublicFolderView setAddress(String tree, String path, String address, String displayName) {
        Folder f = require(tree, path);
        MailAddress a;
        try {
            a = MailAddress.parse(address == null ? "" : address.strip());
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("address", e.getMessage());
        }
        if (em.createQuery("select count(d) from Domain d where d.name = :n", Long.class)
                .setParameter("n", a.domain()).getSingleResult() == 0) {
            throw StoreException.invalid("address", "domain " + a.domain() + " is not hosted here");
        }
        Optional<FolderAddress> current = address(f);
        if (current.isPresent() && current.get().getAddress().equals(a.toString())) {
            current.get().setDisplayName(displayName);
        } else {
            if (DefaultDirectoryService.addressTaken(em, a.toString())) {
                throw StoreException.conflict("address", a + " is already in use");
            }
            current.ifPresent(old -> {
                em.remove(old);
                em.flush();
                changes.fire(new DirectoryChanged(DirectoryChanged.Kind.PUBLIC_FOLDER, old.getAddress(), true));
            });
            em.persist(new FolderAddress(a, f.getId(), displayName));
        }
        em.flush();
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.PUBLIC_FOLDER, a.toString(), false));
        LOG.log(Level.INFO, "public folders: {0} in tree {1} mail-enabled as {2}", f.getPath(),
                treeName(f.getOwner()), a);
        return view(f);
    }

    @Override
    public void removeAddress(String tree, String path) {
        Folder f = require(tree, path);
        address(f).ifPresent(a -> {
            em.remove(a);
            changes.fire(new DirectoryChanged(DirectoryChanged.Kind.PUBLIC_FOLDER, a.getAddress(), true));
            LOG.log(Level.INFO, "public folders: {0} in tree {1} no longer mail-enabled ({2})", f.getPath(),
                    treeName(f.getOwner()), a.getAddress());
        });
    }

    @Override
    public PublicFolderView setQuota(String tree, String path, Long warnBytes, Long prohibitBytes) {
        Folder f = require(tree, path);
        try {
            f.setQuota(warnBytes, prohibitBytes);
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid(prohibitBytes != null && prohibitBytes < 0 ? "prohibitBytes" : "warnBytes",
                    e.getMessage());
        }
        if (QuotaWarnings.decide(warnBytes, f.getQuotaWarnedAt() != null, new FolderQuotas(em).usage(f))
                == QuotaWarnings.Decision.CLEAR) {
            f.setQuotaWarnedAt(null); // a raised (or removed) level: the next crossing warns again
        }
        return view(f);
    }

    @Override
    public PublicFolderView.Tree createDomainTree(String domain) {
        String name = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        Domain d = em.createQuery("select d from Domain d where d.name = :n", Domain.class).setParameter("n", name)
                .getResultStream().findFirst().orElseThrow(() -> StoreException.notFound("no domain " + name));
        String storeAddress = "#public@" + d.getName();
        if (accountByAddress(storeAddress).isPresent()) {
            throw StoreException.conflict("name", "domain " + d.getName() + " has its own public folder tree");
        }
        Account store = Account.publicStore(d, AccountKind.PUBLIC_DOMAIN, clock.instant());
        em.persist(store);
        em.flush();
        LOG.log(Level.INFO, "public folders: domain {0} has its own tree now", d.getName());
        return new PublicFolderView.Tree(d.getName(), store.getAddress());
    }

    @Override
    public List<PublicFolderView> mailEnabled() {
        List<Folder> folders = em.createQuery("select f from Folder f, FolderAddress a where a.folderId = f.id "
                + "order by a.address", Folder.class).getResultList();
        return folders.stream().map(this::view).toList();
    }

    @Override
    public Optional<PublicFolderView> byAddress(String address) {
        if (address == null) {
            return Optional.empty();
        }
        FolderAddress a = em.find(FolderAddress.class, address.strip().toLowerCase(Locale.ROOT));
        return a == null ? Optional.empty()
                : Optional.ofNullable(em.find(Folder.class, a.getFolderId())).map(this::view);
    }

    @Override
    public PostVerdict postVerdict(long folderId, String authenticatedUser) {
        Folder f = em.find(Folder.class, folderId);
        if (f == null || !f.getOwner().getKind().isPublic()) {
            return PostVerdict.NO_SUCH_FOLDER;
        }
        Account sender = authenticatedUser == null ? null : accountOrAlias(authenticatedUser)
                .filter(a -> a.getKind() == AccountKind.USER).orElse(null);
        if (!new FolderAccess(em).of(f, sender).rights().has('p')) {
            return PostVerdict.DENIED;
        }
        Long limit = f.getQuotaProhibitBytes();
        if (limit != null && new FolderQuotas(em).usage(f) >= limit) {
            return PostVerdict.FULL;
        }
        return PostVerdict.ACCEPT;
    }

    /** What an identifier names: a user, a group, or something that may not hold a permission. */
    private PermissionRules.IdentifierKind identifierKind(String address) {
        Optional<Account> a = accountOrAlias(address);
        if (a.isPresent()) {
            return a.get().getKind() == AccountKind.USER && a.get().getAddress().equals(address)
                    ? PermissionRules.IdentifierKind.USER : PermissionRules.IdentifierKind.NOT_A_USER;
        }
        long groups = em.createQuery("select count(g) from MailGroup g where g.address = :a", Long.class)
                .setParameter("a", address).getSingleResult();
        return groups > 0 ? PermissionRules.IdentifierKind.GROUP : PermissionRules.IdentifierKind.UNKNOWN;
    }

    private Optional<Account> accountOrAlias(String address) {
        String key = address.strip().toLowerCase(Locale.ROOT);
        Optional<Account> a = accountByAddress(key);
        return a.isPresent() ? a : em.createQuery("select al.account from Alias al where al.address = :a",
                Account.class).setParameter("a", key).getResultStream().findFirst();
    }

    private Optional<Account> accountByAddress(String address) {
        return em.createQuery("select a from Account a where a.address = :a", Account.class)
                .setParameter("a", address).getResultStream().findFirst();
    }

    /**
     * The store account of a tree; the organisation's is created when {@code create} asks for it.
     *
     * @throws StoreException NOT_FOUND for a domain without its own tree
     */
    private Optional<Account> store(String tree, boolean create) {
        if (tree == null || tree.isBlank() || tree.strip().equalsIgnoreCase(ORGANISATION)) {
            Optional<Account> org = accountByAddress(Account.ORGANISATION_STORE);
            if (org.isPresent() || !create) {
                return org;
            }
            Domain first = em.createQuery("select d from Domain d order by d.id", Domain.class).setMaxResults(1)
                    .getResultStream().findFirst()
                    .orElseThrow(() -> StoreException.invalid("tree", "no domain is hosted yet"));
            Account store = Account.publicStore(first, AccountKind.PUBLIC_ORG, clock.instant());
            em.persist(store);
            em.flush();
            LOG.log(Level.INFO, "public folders: the organisation's tree created");
            return Optional.of(store);
        }
        String domain = tree.strip().toLowerCase(Locale.ROOT);
        return Optional.of(accountByAddress("#public@" + domain).filter(a -> a.getKind() == AccountKind.PUBLIC_DOMAIN)
                .orElseThrow(() -> StoreException.notFound("domain " + domain + " has no public folder tree")));
    }

    private Folder require(String tree, String path) {
        FolderPath p = path(path);
        Account store = store(tree, false).orElseThrow(() -> StoreException.notFound("no public folder " + p));
        return new Mailboxes(em).find(store.getAddress(), p)
                .orElseThrow(() -> StoreException.notFound("no public folder " + p));
    }

    private static FolderPath path(String path) {
        if (path == null || path.isBlank()) {
            throw StoreException.invalid("path", "path is required");
        }
        FolderPath p;
        try {
            p = FolderPath.parse(path.strip());
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("path", e.getMessage());
        }
        if (p.levels().get(0).equals(FolderPath.INBOX)) {
            throw StoreException.invalid("path", "INBOX is no public folder name");
        }
        return p;
    }

    private Optional<FolderAddress> address(Folder f) {
        return em.createQuery("select a from FolderAddress a where a.folderId = :f", FolderAddress.class)
                .setParameter("f", f.getId()).getResultStream().findFirst();
    }

    private static String treeName(Account store) {
        return store.getKind() == AccountKind.PUBLIC_ORG ? ORGANISATION : store.getDomain().getName();
    }

    private PublicFolderView view(Folder f) {
        return views(f.getOwner(), List.of(f)).get(0);
    }

    /** Views of folders of one store, with three queries for all of them (usage, permissions, addresses). */
    private List<PublicFolderView> views(Account store, List<Folder> folders) {
        if (folders.isEmpty()) {
            return List.of();
        }
        List<Long> ids = folders.stream().map(Folder::getId).toList();
        Map<Long, long[]> usage = new HashMap<>();
        Map<Long, List<PublicFolderView.Permission>> acl = new HashMap<>();
        Map<Long, FolderAddress> addresses = new HashMap<>();
        for (int from = 0; from < ids.size(); from += Mailboxes.IN_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + Mailboxes.IN_CHUNK));
            for (Object[] r : em.createQuery("select i.folder.id, coalesce(sum(i.size), 0), count(i) from MailItem i "
                    + "where i.folder.id in :ids group by i.folder.id", Object[].class).setParameter("ids", chunk)
                    .getResultList()) {
                usage.put((Long) r[0], new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
            }
            for (FolderAcl e : em.createQuery("select e from FolderAcl e where e.folderId in :ids "
                    + "order by e.identifier", FolderAcl.class).setParameter("ids", chunk).getResultList()) {
                acl.computeIfAbsent(e.getFolderId(), k -> new ArrayList<>()).add(new PublicFolderView.Permission(
                        e.getIdentifier(), PermissionRules.roleName(e.getRights(), e.getOwnRights()),
                        e.getRights().value(), e.getOwnRights().value()));
            }
            for (FolderAddress a : em.createQuery("select a from FolderAddress a where a.folderId in :ids",
                    FolderAddress.class).setParameter("ids", chunk).getResultList()) {
                addresses.put(a.getFolderId(), a);
            }
        }
        String tree = treeName(store);
        List<PublicFolderView> out = new ArrayList<>(folders.size());
        for (Folder f : folders) {
            long[] u = usage.getOrDefault(f.getId(), new long[2]);
            FolderAddress a = addresses.get(f.getId());
            out.add(new PublicFolderView(f.getId(), f.getPath(), tree, a == null ? null : a.getAddress(),
                    a == null ? null : a.getDisplayName(), f.getQuotaWarnBytes(), f.getQuotaProhibitBytes(), u[0],
                    u[1], acl.getOrDefault(f.getId(), List.of())));
        }
        return out;
    }
}
