package org.atrium.store.application.internal;

import jakarta.persistence.EntityManager;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.FolderAcl;
import org.atrium.store.domain.Folder;
import org.atrium.store.domain.MailboxGrant;
import org.atrium.store.domain.Rights;

/**
 * Who may do what in a folder (RFC 4314 §2, ADR 0006), within the caller's transaction. A user's rights on a folder
 * are the union of: every right when the user owns it (public folder stores have no owner who logs in); the ACL
 * entries naming the user, a group the user is in (nested groups followed, loops cut), {@code authenticated} and
 * {@code anyone}; and the owner's mailbox grant to the user. Somebody not signed in (an outside sender posting to a
 * mail-enabled folder) has what {@code anyone} has.
 */
public final class FolderAccess {

    /**
     * What one identity may do in one folder.
     *
     * @param rights rights on the folder and on every item in it
     * @param ownRights further rights on the items the identity created itself ({@code w t e}, Exchange's authors)
     */
    public record Access(Rights rights, Rights ownRights) {

        /** Whether {@code right} holds for an item created by {@code creatorId} (null: unknown or from outside). */
        public boolean mayOnItem(char right, Long creatorId, Long accountId) {
            return rights.has(right)
                    || (ownRights.has(right) && creatorId != null && creatorId.equals(accountId));
        }

        /** Whether {@code right} holds at least for one's own items. */
        public boolean mayOnSomeItems(char right) {
            return rights.has(right) || ownRights.has(right);
        }
    }

    private static final Access OWNER = new Access(Rights.ALL, Rights.NONE);

    private final EntityManager em;

    public FolderAccess(EntityManager em) {
        this.em = em;
    }

    /** Every right on every item: what the owner of a folder has. */
    public static Access owner() {
        return OWNER;
    }

    /** The access of {@code who} (null: not signed in) to {@code folder}. */
    public Access of(Folder folder, Account who) {
        if (who != null && folder.getOwner().getId().equals(who.getId())) {
            return OWNER;
        }
        return ofAll(List.of(folder), who, identities(who)).get(folder.getId());
    }

    /**
     * The access of {@code who} to each of {@code folders} by folder id, with the identities already found
     * ({@link #identities}): one query for the ACL entries and one for the grants, however many folders (LIST).
     */
    public Map<Long, Access> ofAll(Collection<Folder> folders, Account who, Set<String> identities) {
        Map<Long, Rights> rights = new HashMap<>();
        Map<Long, Rights> own = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (Folder f : folders) {
            ids.add(f.getId());
        }
        List<String> idents = new ArrayList<>(identities);
        for (int from = 0; from < ids.size(); from += Mailboxes.IN_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + Mailboxes.IN_CHUNK));
            for (FolderAcl e : em.createQuery("select e from FolderAcl e where e.folderId in :f "
                    + "and e.identifier in :i", FolderAcl.class).setParameter("f", chunk)
                    .setParameter("i", idents).getResultList()) {
                rights.merge(e.getFolderId(), e.getRights(), (a, b) -> a.apply(Rights.Mode.ADD, b));
                own.merge(e.getFolderId(), e.getOwnRights(), (a, b) -> a.apply(Rights.Mode.ADD, b));
            }
        }
        Map<Long, Rights> granted = new HashMap<>();
        if (who != null) {
            for (MailboxGrant g : em.createQuery("select g from MailboxGrant g where g.grantee = :g",
                    MailboxGrant.class).setParameter("g", lower(who.getAddress())).getResultList()) {
                granted.put(g.getOwnerId(), g.getAccess().rights());
            }
        }
        Map<Long, Access> out = new HashMap<>();
        for (Folder f : folders) {
            if (who != null && f.getOwner().getId().equals(who.getId())) {
                out.put(f.getId(), OWNER);
                continue;
            }
            Rights r = rights.getOrDefault(f.getId(), Rights.NONE)
                    .apply(Rights.Mode.ADD, granted.getOrDefault(f.getOwner().getId(), Rights.NONE));
            out.put(f.getId(), new Access(r, own.getOrDefault(f.getId(), Rights.NONE)));
        }
        return out;
    }

    /**
     * The ACL identifiers that stand for {@code who}: {@code anyone}; for a signed-in user also
     * {@code authenticated}, the address, and every group that contains it directly or through other groups.
     */
    public Set<String> identities(Account who) {
        Set<String> ids = new HashSet<>();
        ids.add(FolderAcl.ANYONE);
        if (who == null) {
            return ids;
        }
        ids.add(FolderAcl.AUTHENTICATED);
        String self = lower(who.getAddress());
        ids.add(self);
        Deque<String> pending = new ArrayDeque<>(List.of(self));
        while (!pending.isEmpty()) {
            String member = pending.pop();
            for (String group : em.createQuery("select g.address from MailGroup g join g.members m where m = :a",
                    String.class).setParameter("a", member).getResultList()) {
                if (ids.add(lower(group))) {
                    pending.push(lower(group));
                }
            }
        }
        return ids;
    }

    private static String lower(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
