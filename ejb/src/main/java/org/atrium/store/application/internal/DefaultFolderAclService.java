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
import org.atrium.store.domain.Folder;
import org.atrium.store.domain.FolderAcl;
import org.atrium.store.domain.Rights;

/**
 * See {@link FolderAclService}. Folders are found in the caller's own hierarchy only, so today the caller is always
 * the owner; the rights check is written against {@link #myRights} so that shared folders (the public-folder issue)
 * get the NO_PERMISSION refusals without changing the commands.
 */
@Stateless
public class DefaultFolderAclService implements FolderAclService {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Override
    public Map<String, String> acl(String account, String path) {
        Folder f = administered(account, path);
        Map<String, String> out = new LinkedHashMap<>();
        out.put(f.getOwner().getAddress().toLowerCase(Locale.ROOT), Rights.ALL.value());
        for (FolderAcl e : entries(em, f)) {
            out.put(e.getIdentifier(), e.getRights().value());
        }
        return out;
    }

    @Override
    public void change(String account, String path, String identifier, Rights.Mode mode, Rights rights) {
        Folder f = administered(account, path);
        String id = identifier(f, identifier);
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
        FolderAcl entry = em.find(FolderAcl.class, new FolderAcl.Key(f.getId(), identifier(f, identifier)));
        if (entry != null) {
            em.remove(entry);
        }
    }

    @Override
    public Rights myRights(String account, String path) {
        Folder f = new Mailboxes(em).require(account, Mailboxes.path(path));
        return rightsOf(f, account);
    }

    /** The owner holds every right; anyone else what its entry and {@code anyone}'s grant together. */
    private Rights rightsOf(Folder f, String account) {
        String who = account.toLowerCase(Locale.ROOT);
        if (f.getOwner().getAddress().toLowerCase(Locale.ROOT).equals(who)) {
            return Rights.ALL;
        }
        Rights r = Rights.NONE;
        for (FolderAcl e : entries(em, f)) {
            if (e.getIdentifier().equals(who) || e.getIdentifier().equals(FolderAcl.ANYONE)) {
                r = r.apply(Rights.Mode.ADD, e.getRights());
            }
        }
        return r;
    }

    private Folder administered(String account, String path) {
        Folder f = new Mailboxes(em).require(account, Mailboxes.path(path));
        if (!rightsOf(f, account).has('a')) {
            throw new MailboxRefusal(Reason.NO_PERMISSION, "no administer right on " + path);
        }
        return f;
    }

    private static String identifier(Folder f, String identifier) {
        String id;
        try {
            id = FolderAcl.identifier(identifier);
        } catch (IllegalArgumentException e) {
            throw new MailboxRefusal(Reason.CANNOT, e.getMessage());
        }
        if (id.equals(f.getOwner().getAddress().toLowerCase(Locale.ROOT))) {
            throw new MailboxRefusal(Reason.CANNOT, "the owner always has all rights");
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
