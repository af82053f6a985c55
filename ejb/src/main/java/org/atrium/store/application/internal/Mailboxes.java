package org.atrium.store.application.internal;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.atrium.store.application.FolderService.QuotaUsage;
import org.atrium.store.application.MailboxRefusal;
import org.atrium.store.application.MailboxRefusal.Reason;
import org.atrium.store.application.MessageService.ItemState;
import org.atrium.store.application.Settings;
import org.atrium.store.application.internal.FolderAccess.Access;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.AccountKind;
import org.atrium.store.domain.ExpungedItem;
import org.atrium.store.domain.Flag;
import org.atrium.store.domain.ItemSeen;
import org.atrium.store.domain.Folder;
import org.atrium.store.domain.FolderPath;
import org.atrium.store.domain.Keywords;
import org.atrium.store.domain.MailItem;
import org.atrium.store.domain.Quota;
import org.atrium.store.domain.QuotaChain;

/**
 * Look-ups and steps the folder and message services share, within the caller's transaction: resolving a caller's
 * mailbox names across the namespaces of ADR 0006 ({@link MailboxName}) to folders and the caller's access
 * ({@link FolderAccess}), refusing what the caller may not do (RFC 4314 §4: a folder the caller has no right on at
 * all does not exist for it, NO_SUCH_FOLDER; a right missing on a folder it may see is NO_PERMISSION), reading item
 * states as the caller sees them (its own \Seen in public folders), quota usage, and removing an item with its
 * expunge history.
 */
final class Mailboxes {

    /** Lists in IN clauses are cut to this many values (a portable size on H2 and PostgreSQL). */
    static final int IN_CHUNK = 500;

    /**
     * A folder as one caller reaches it.
     *
     * @param folder the folder
     * @param caller the caller's account
     * @param access the caller's access (every right when it owns the folder)
     */
    record Reached(Folder folder, Account caller, Access access) {

        /** Whether the caller owns the folder. */
        boolean own() {
            return folder.getOwner().getId().equals(caller.getId());
        }

        /** Whether \Seen is each reader's here (folders of a public store, ADR 0006). */
        boolean perUserSeen() {
            return folder.getOwner().getKind().isPublic();
        }

        /** The reader whose own \Seen applies, or null where \Seen is the item's. */
        Long seenReader() {
            return perUserSeen() ? caller.getId() : null;
        }

        /** Refuses with NO_PERMISSION unless the caller holds {@code right} (RFC 4314 §4). */
        Reached demand(char right, String what) {
            if (!access.rights().has(right)) {
                throw new MailboxRefusal(Reason.NO_PERMISSION, "no right '" + right + "' to " + what);
            }
            return this;
        }

        /** This with the folder re-read under its row lock. */
        Reached locked(FolderLocks locks) {
            return new Reached(locks.lock(folder.getId()), caller, access);
        }
    }

    private final EntityManager em;

    Mailboxes(EntityManager em) {
        this.em = em;
    }

    static FolderPath path(String path) {
        try {
            return FolderPath.parse(path);
        } catch (IllegalArgumentException e) {
            throw new MailboxRefusal(Reason.CANNOT, e.getMessage());
        }
    }

    /** Parses a caller's name; an invalid one is refused with CANNOT. */
    static MailboxName name(String name) {
        try {
            return MailboxName.parse(name);
        } catch (IllegalArgumentException e) {
            throw new MailboxRefusal(Reason.CANNOT, e.getMessage());
        }
    }

    Account account(String address) {
        return em.createQuery("select a from Account a where a.address = :a", Account.class)
                .setParameter("a", address).getResultStream().findFirst()
                .orElseThrow(() -> new MailboxRefusal(Reason.NO_SUCH_FOLDER, "no mailbox " + address));
    }

    /**
     * The public folder store a user sees (ADR 0006): its domain's own tree when there is one, else the
     * organisation's; empty when neither exists, or when the caller's class of service denies public folders
     * (ADR 0016: then they are neither listed nor reachable by name).
     */
    Optional<Account> publicStore(Account caller) {
        if (!caller.mayUsePublicFolders()) {
            return Optional.empty();
        }
        Optional<Account> domain = em.createQuery("select a from Account a where a.kind = :k and a.domain = :d",
                Account.class).setParameter("k", AccountKind.PUBLIC_DOMAIN).setParameter("d", caller.getDomain())
                .getResultStream().findFirst();
        if (domain.isPresent()) {
            return domain;
        }
        return em.createQuery("select a from Account a where a.kind = :k", Account.class)
                .setParameter("k", AccountKind.PUBLIC_ORG).getResultStream().findFirst();
    }

    /** The owner of the hierarchy {@code name} lies in, as the caller names it; empty when there is none. */
    Optional<Account> owner(Account caller, MailboxName name) {
        return switch (name.space()) {
            case OWN -> Optional.of(caller);
            case PUBLIC -> publicStore(caller);
            case OTHER_USERS -> name.user() == null ? Optional.empty()
                    : em.createQuery("select a from Account a where a.address = :a and a.kind in :k",
                            Account.class).setParameter("a", name.user().toLowerCase(Locale.ROOT))
                            // a resource's mailbox (ADR 0017) is read by its delegates like a user's
                            .setParameter("k", List.of(AccountKind.USER, AccountKind.RESOURCE))
                            .getResultStream().findFirst();
        };
    }

    /** The name a caller sees for a folder (ADR 0006 namespaces). */
    static String nameOf(Account caller, Folder f) {
        Account owner = f.getOwner();
        if (owner.getId().equals(caller.getId())) {
            return f.getPath();
        }
        if (owner.getKind().isPublic()) {
            return MailboxName.of(MailboxName.Space.PUBLIC, null, f.getPath());
        }
        return MailboxName.of(MailboxName.Space.OTHER_USERS, owner.getAddress(), f.getPath());
    }

    Optional<Folder> find(Account owner, FolderPath path) {
        return em.createQuery("select f from Folder f where f.owner = :o and f.path = :p", Folder.class)
                .setParameter("o", owner).setParameter("p", path.value()).getResultStream().findFirst();
    }

    /** An account's own folder by path (callers that act for the owner only: delivery, POP3). */
    Optional<Folder> find(String account, FolderPath path) {
        return em.createQuery("select f from Folder f where f.owner.address = :a and f.path = :p", Folder.class)
                .setParameter("a", account).setParameter("p", path.value()).getResultStream().findFirst();
    }

    /**
     * The folder a caller names, with its access; refused with NO_SUCH_FOLDER when there is none, or when the
     * caller holds no right on it at all (ADR 0006: a refusal names no folder the caller may not see).
     */
    Reached reach(String account, String name) {
        return reach(account(account), name);
    }

    Reached reach(Account caller, String name) {
        return tryReach(caller, name(name)).orElseThrow(() -> new MailboxRefusal(Reason.NO_SUCH_FOLDER,
                "no folder " + name));
    }

    /** As {@link #reach(Account, String)}, empty instead of refused. */
    Optional<Reached> tryReach(Account caller, MailboxName name) {
        if (!name.isFolder()) {
            return Optional.empty();
        }
        return owner(caller, name).flatMap(o -> find(o, name.path())).flatMap(f -> visible(caller, f));
    }

    /** The folder with its access, unless the caller holds no right on it. */
    Optional<Reached> visible(Account caller, Folder f) {
        Access access = new FolderAccess(em).of(f, caller);
        return access.rights().isEmpty() ? Optional.empty() : Optional.of(new Reached(f, caller, access));
    }

    /**
     * The folder by id as the caller reaches it (a session's selected folder, which may be another's); refused with
     * NO_SUCH_FOLDER when it is gone or the caller holds no right on it (any more).
     */
    Reached reach(String account, long folderId) {
        Folder f = em.find(Folder.class, folderId);
        if (f == null) {
            throw new MailboxRefusal(Reason.NO_SUCH_FOLDER, "no folder " + folderId);
        }
        if (f.getOwner().getAddress().equals(account)) {
            // The common case, answered without looking anything else up (sessions poll their folder often).
            return new Reached(f, f.getOwner(), FolderAccess.owner());
        }
        return visible(account(account), f).orElseThrow(() -> new MailboxRefusal(Reason.NO_SUCH_FOLDER,
                "no folder " + folderId));
    }

    /** An account's own folder by path; NO_SUCH_FOLDER otherwise (callers that act for the owner only). */
    Folder require(String account, FolderPath path) {
        return find(account, path).orElseThrow(() -> new MailboxRefusal(Reason.NO_SUCH_FOLDER,
                "no folder " + path));
    }

    /** The folder by id, only if it is the account's (callers that act for the owner only). */
    Folder require(String account, long folderId) {
        Folder f = em.find(Folder.class, folderId);
        if (f == null || !f.getOwner().getAddress().equals(account)) {
            throw new MailboxRefusal(Reason.NO_SUCH_FOLDER, "no folder " + folderId);
        }
        return f;
    }

    List<Folder> all(String account) {
        return em.createQuery("select f from Folder f where f.owner.address = :a", Folder.class)
                .setParameter("a", account).getResultList();
    }

    List<Folder> all(Account owner) {
        return em.createQuery("select f from Folder f where f.owner = :o", Folder.class)
                .setParameter("o", owner).getResultList();
    }

    /** The items of a folder that {@code reader} has seen (its own \Seen, ADR 0006), of those above a MODSEQ. */
    Set<Long> seenBy(Folder folder, long reader, long sinceModseq) {
        return new HashSet<>(em.createQuery("select s.itemId from ItemSeen s, MailItem i where s.itemId = i.id "
                + "and i.folder = :f and s.accountId = :a and i.modseq > :m", Long.class)
                .setParameter("f", folder).setParameter("a", reader).setParameter("m", sinceModseq)
                .getResultList());
    }

    /** Whether {@code reader} has seen the item (its own \Seen, ADR 0006). */
    boolean hasSeen(MailItem item, long reader) {
        return em.find(ItemSeen.class, new ItemSeen.Key(item.getId(), reader)) != null;
    }

    /** Sets or clears a reader's own \Seen; whether that changed anything. */
    boolean setSeen(MailItem item, long reader, boolean seen) {
        ItemSeen row = em.find(ItemSeen.class, new ItemSeen.Key(item.getId(), reader));
        if (seen && row == null) {
            em.persist(new ItemSeen(item.getId(), reader));
            return true;
        }
        if (!seen && row != null) {
            em.remove(row);
            return true;
        }
        return false;
    }

    /** An item's flags as {@code seenReader} sees them (null: as stored). */
    Set<Flag> flagsFor(MailItem item, Long seenReader) {
        Set<Flag> flags = item.getFlags();
        return seenReader == null ? flags : withSeen(flags, hasSeen(item, seenReader));
    }

    static Set<Flag> withSeen(Set<Flag> flags, boolean seen) {
        EnumSet<Flag> out = EnumSet.noneOf(Flag.class);
        out.addAll(flags);
        if (seen) {
            out.add(Flag.SEEN);
        } else {
            out.remove(Flag.SEEN);
        }
        return out;
    }

    /** The states of the items with MODSEQ above {@code sinceModseq} (all: -1), ascending by UID, as stored. */
    List<ItemState> states(Folder folder, long sinceModseq) {
        return states(folder, null, sinceModseq);
    }

    /**
     * The states of the items with MODSEQ above {@code sinceModseq} (all: -1), ascending by UID, as
     * {@code seenReader} sees them (null: \Seen as stored; else that reader's own).
     */
    List<ItemState> states(Folder folder, Long seenReader, long sinceModseq) {
        List<Object[]> rows = em.createQuery("select i.id, i.uid, i.flags, i.keywords, i.modseq from MailItem i "
                + "where i.folder = :f and i.modseq > :m order by i.uid", Object[].class)
                .setParameter("f", folder).setParameter("m", sinceModseq).getResultList();
        Set<Long> seen = seenReader == null ? Set.of() : seenBy(folder, seenReader, sinceModseq);
        List<ItemState> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Set<Flag> flags = Flag.fromBits((Integer) r[2]);
            if (seenReader != null) {
                flags = withSeen(flags, seen.contains((Long) r[0]));
            }
            out.add(new ItemState((Long) r[1], flags, Keywords.parse((String) r[3]), (Long) r[4]));
        }
        return out;
    }

    /** The items of a folder with the given UIDs, ascending by UID; UIDs that are gone are skipped. */
    List<MailItem> items(Folder folder, List<Long> uids) {
        List<MailItem> out = new ArrayList<>(uids.size());
        for (int from = 0; from < uids.size(); from += IN_CHUNK) {
            List<Long> chunk = uids.subList(from, Math.min(uids.size(), from + IN_CHUNK));
            out.addAll(em.createQuery("select i from MailItem i where i.folder = :f and i.uid in :u order by i.uid",
                    MailItem.class).setParameter("f", folder).setParameter("u", chunk).getResultList());
        }
        out.sort((a, b) -> Long.compare(a.getUid(), b.getUid()));
        return out;
    }

    QuotaUsage usage(Account account) {
        Object[] r = em.createQuery("select coalesce(sum(i.size), 0), count(i) from MailItem i "
                + "where i.folder.owner = :o", Object[].class).setParameter("o", account).getSingleResult();
        Quota limits = limits(account);
        return new QuotaUsage(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), limits);
    }

    /**
     * The limits that apply to an account, per field: its own, else its class of service's (ADR 0016), else its
     * domain's, else the server default.
     */
    static Quota limits(Account account) {
        return quotaChain(account).limits();
    }

    /** The quota chain of an account, with where each value comes from. */
    static QuotaChain quotaChain(Account account) {
        return QuotaChain.of(account, account.getClassOfService(), defaultQuotaBytes());
    }

    /** Refuses with OVER_QUOTA unless the account can take {@code bytes} more in {@code messages} more messages. */
    void checkQuota(Account account, long bytes, long messages) {
        QuotaUsage u = usage(account);
        if (!u.limits().admits(u.bytes(), u.messages(), bytes, messages)) {
            throw new MailboxRefusal(Reason.OVER_QUOTA, "quota exceeded for " + account.getAddress());
        }
    }

    /**
     * Refuses with OVER_QUOTA unless the locked folder can take {@code bytes} more in {@code messages} more
     * messages: a public folder by its own prohibit level ({@link FolderQuotas}), any other by its owner's quota.
     */
    void checkFiling(Folder lockedFolder, long bytes, long messages) {
        if (lockedFolder.getOwner().getKind().isPublic()) {
            new FolderQuotas(em).check(lockedFolder, bytes);
        } else {
            checkQuota(lockedFolder.getOwner(), bytes, messages);
        }
    }

    /** {@code atrium.quota.default.bytes}: the storage limit of accounts without their own, unset: unlimited. */
    static Long defaultQuotaBytes() {
        String v = Settings.get("atrium.quota.default.bytes", null);
        if (v == null) {
            return null;
        }
        try {
            long bytes = Long.parseLong(v);
            return bytes < 0 ? null : bytes;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("setting atrium.quota.default.bytes is not a number: " + v, e);
        }
    }

    /**
     * Removes an item from its locked folder, recording it in the expunge history with a new MODSEQ (RFC 7162
     * §3.2.5.2). The caller releases the content reference, or hands it to a copy (MOVE).
     */
    void remove(MailItem item, Folder lockedFolder) {
        em.persist(ExpungedItem.of(item, lockedFolder));
        em.remove(item);
    }
}
