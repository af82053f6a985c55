package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atrium.store.application.FolderAclService;
import org.atrium.store.application.MailboxRefusal;
import org.atrium.store.application.MailboxRefusal.Reason;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.AccountKind;
import org.atrium.store.domain.Folder;
import org.atrium.store.domain.FolderAcl;
import org.atrium.store.domain.Rights;

/**
 * See {@link FolderAclService}. Folders are reached through the caller's namespaces ({@link Mailboxes#reach}, ADR
 * 0006) and its rights ({@link FolderAccess}): nobody owns a public folder implicitly, so its list has no owner entry;
 * a user's folder lists its owner first.
 */
@Stateless
public class DefaultFolderAclService implements FolderAclService {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Override
    public Map<String, String> acl(String account, String path) {
        Folder f = administered(account, path);
        Map<String, String> out = new LinkedHashMap<>();
        if (!f.getOwner().getKind().isPublic()) {
            out.put(f.getOwner().getAddress().toLowerCase(Locale.ROOT), Rights.ALL.value());
        }
        for (FolderAcl e : entries(em, f)) {
            out.put(e.getIdentifier(), e.getRights().value());
        }
        return out;
    }

    @Override
    public void change(String account, String path, String identifier, Rights.Mode mode, Rights rights) {
        Folder f = administered(account, path);
        refuseUndelegable(f, mode, rights);
        String id = identifier(f, identifier, true);
        FolderAcl entry = em.find(FolderAcl.class, new FolderAcl.Key(f.getId(), id));
        Rights now = (entry == null ? Rights.NONE : entry.getRights()).apply(mode, rights);
        if (now.isEmpty()) {
            if (entry != null) {
                em.remove(entry);
            }
        } else if (entry == null) {
            em.persist(new FolderAcl(f.getId(), id, now));
        } else {
            entry.setRights(now);
        }
    }

    @Override
    public void remove(String account, String path, String identifier) {
        Folder f = administered(account, path);
        // No look-up of the identifier: an entry of a user or group deleted since must remain removable.
        FolderAcl entry = em.find(FolderAcl.class, new FolderAcl.Key(f.getId(), identifier(f, identifier, false)));
        if (entry != null) {
            em.remove(entry);
        }
    }

    /** Any right will do (RFC 4314 §3.5); a folder the caller holds none on does not exist for it. */
    @Override
    public Rights myRights(String account, String path) {
        return new Mailboxes(em).reach(account, path).access().rights();
    }

    /**
     * ADR 0016: a user whose class of service denies delegation may not give others rights on his own folders (taking
     * rights away stays possible). Public folders are not his to delegate and keep their own rules (ADR 0006).
     */
    static void refuseUndelegable(Folder f, Rights.Mode mode, Rights rights) {
        Account owner = f.getOwner();
        if (!owner.getKind().isPublic() && !owner.mayDelegate() && mode != Rights.Mode.REMOVE && !rights.isEmpty()) {
            throw new MailboxRefusal(Reason.NO_PERMISSION, "your class of service does not allow sharing your folders");
        }
    }

    private Folder administered(String account, String path) {
        return new Mailboxes(em).reach(account, path).demand('a', "administer " + path).folder();
    }

    /**
     * The stored identifier: {@code anyone}, {@code authenticated}, or the address of a user account or a group
     * (RFC 4314 §2 leaves identifiers to the server); anything else ({@code mustExist}: also an address that is
     * no user or group), and the owner of a user's folder (who always has every right), is refused with CANNOT.
     */
    private String identifier(Folder f, String identifier, boolean mustExist) {
        String id;
        try {
            id = FolderAcl.identifier(identifier);
        } catch (IllegalArgumentException e) {
            throw new MailboxRefusal(Reason.CANNOT, e.getMessage());
        }
        if (id.equals(FolderAcl.ANYONE) || id.equals(FolderAcl.AUTHENTICATED)) {
            return id;
        }
        // Addresses are stored lower case (MailAddress), as identifiers are.
        if (!f.getOwner().getKind().isPublic() && id.equals(f.getOwner().getAddress().toLowerCase(Locale.ROOT))) {
            throw new MailboxRefusal(Reason.CANNOT, "the owner always has all rights");
        }
        if (!mustExist) {
            return id;
        }
        long accounts = em.createQuery("select count(a) from Account a where a.address = :a and a.kind = :k",
                Long.class).setParameter("a", id).setParameter("k", AccountKind.USER).getSingleResult();
        long groups = accounts > 0 ? 0 : em.createQuery("select count(g) from MailGroup g "
                + "where g.address = :a", Long.class).setParameter("a", id).getSingleResult();
        if (accounts == 0 && groups == 0) {
            throw new MailboxRefusal(Reason.CANNOT, "no user or group " + id);
        }
        return id;
    }

    private static List<FolderAcl> entries(EntityManager em, Folder f) {
        return em.createQuery("select e from FolderAcl e where e.folderId = :f order by e.identifier",
                FolderAcl.class).setParameter("f", f.getId()).getResultList();
    }

    /**
     * Gives a new subfolder its parent's entries (see {@link FolderAcl}); {@code child} is persisted, so it has its
     * id.
     */
    static void inherit(EntityManager em, Folder parent, Folder child) {
        for (FolderAcl e : entries(em, parent)) {
            em.persist(e.inheritedBy(child));
        }
    }

    /** Drops a folder's entries before the folder row goes (the foreign key cascades too; this keeps JPA honest). */
    static void dropAll(EntityManager em, Folder f) {
        em.createQuery("delete from FolderAcl e where e.folderId = :f").setParameter("f", f.getId()).executeUpdate();
    }
}
