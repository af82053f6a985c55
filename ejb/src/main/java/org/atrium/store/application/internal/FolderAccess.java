package org.atrium.store.application.internal;

import jakarta.persistence.EntityManager;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
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

    /** The access of {@code who} (null: not signed in) to {@code folder}. */
    public Access of(Folder folder, Account who) {
        if (who != null && folder.getOwner().getId().equals(who.getId())) {
            return OWNER;
        }
        Set<String> identities = identities(who);
        Rights rights = Rights.NONE;
        Rights own = Rights.NONE;
        for (FolderAcl e : em.createQuery("select e from FolderAcl e where e.folderId = :f", FolderAcl.class)
                .setParameter("f", folder.getId()).getResultList()) {
            if (identities.contains(e.getIdentifier())) {
                rights = rights.apply(Rights.Mode.ADD, e.getRights());
                own = own.apply(Rights.Mode.ADD, e.getOwnRights());
            }
        }
        if (who != null) {
            MailboxGrant grant = em.find(MailboxGrant.class,
                    new MailboxGrant.Key(folder.getOwner().getId(), lower(who.getAddress())));
            if (grant != null) {
                rights = rights.apply(Rights.Mode.ADD, grant.getAccess().rights());
            }
        }
        return new Access(rights, own);
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
