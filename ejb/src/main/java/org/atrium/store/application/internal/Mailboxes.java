package org.atrium.store.application.internal;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.atrium.store.application.FolderService.QuotaUsage;
import org.atrium.store.application.MailboxRefusal;
import org.atrium.store.application.MailboxRefusal.Reason;
import org.atrium.store.application.MessageService.ItemState;
import org.atrium.store.application.Settings;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.ExpungedItem;
import org.atrium.store.domain.Flag;
import org.atrium.store.domain.Folder;
import org.atrium.store.domain.FolderPath;
import org.atrium.store.domain.Keywords;
import org.atrium.store.domain.MailItem;
import org.atrium.store.domain.Quota;

/**
 * Look-ups and steps the folder and message services share, within the caller's transaction: finding a user's
 * folder (only ever among the user's own), parsing paths into refusals, reading item states, quota usage, and
 * removing an item with its expunge history.
 */
final class Mailboxes {

    /** Lists in IN clauses are cut to this many values (a portable size on H2 and PostgreSQL). */
    static final int IN_CHUNK = 500;

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

    Account account(String address) {
        return em.createQuery("select a from Account a where a.address = :a", Account.class)
                .setParameter("a", address).getResultStream().findFirst()
                .orElseThrow(() -> new MailboxRefusal(Reason.NO_SUCH_FOLDER, "no mailbox " + address));
    }

    Optional<Folder> find(String account, FolderPath path) {
        return em.createQuery("select f from Folder f where f.owner.address = :a and f.path = :p", Folder.class)
                .setParameter("a", account).setParameter("p", path.value()).getResultStream().findFirst();
    }

    Folder require(String account, FolderPath path) {
        return find(account, path).orElseThrow(() -> new MailboxRefusal(Reason.NO_SUCH_FOLDER,
                "no folder " + path));
    }

    /** The folder by id, only if it is the account's. */
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

    /** The states of the items with MODSEQ above {@code sinceModseq} (all: -1), ascending by UID. */
    List<ItemState> states(Folder folder, long sinceModseq) {
        List<Object[]> rows = em.createQuery("select i.uid, i.flags, i.keywords, i.modseq from MailItem i "
                + "where i.folder = :f and i.modseq > :m order by i.uid", Object[].class)
                .setParameter("f", folder).setParameter("m", sinceModseq).getResultList();
        List<ItemState> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new ItemState((Long) r[0], Flag.fromBits((Integer) r[1]), Keywords.parse((String) r[2]),
                    (Long) r[3]));
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
        Quota limits = Quota.effective(account.getQuotaBytes(), account.getQuotaMessages(), defaultQuotaBytes());
        return new QuotaUsage(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), limits);
    }

    /** Refuses with OVER_QUOTA unless the account can take {@code bytes} more in {@code messages} more messages. */
    void checkQuota(Account account, long bytes, long messages) {
        QuotaUsage u = usage(account);
        if (!u.limits().admits(u.bytes(), u.messages(), bytes, messages)) {
            throw new MailboxRefusal(Reason.OVER_QUOTA, "quota exceeded for " + account.getAddress());
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
