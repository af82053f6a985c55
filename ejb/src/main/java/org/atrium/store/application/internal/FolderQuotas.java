package org.atrium.store.application.internal;

import jakarta.persistence.EntityManager;
import org.atrium.store.application.MailboxRefusal;
import org.atrium.store.application.MailboxRefusal.Reason;
import org.atrium.store.domain.Folder;

/**
 * Quotas of public folders (ADR 0006), within the caller's transaction: the bytes a folder holds, and the
 * prohibit-post check every filing into a public folder makes (APPEND, COPY/MOVE targets, posts by mail) while
 * holding the folder's row lock. Private folders are limited by their account's quota instead
 * ({@link Mailboxes#checkQuota}).
 */
public final class FolderQuotas {

    private final EntityManager em;

    public FolderQuotas(EntityManager em) {
        this.em = em;
    }

    /** Bytes held by the folder's items. */
    public long usage(Folder folder) {
        return em.createQuery("select coalesce(sum(i.size), 0) from MailItem i where i.folder = :f", Number.class)
                .setParameter("f", folder).getSingleResult().longValue();
    }

    /** Refuses with OVER_QUOTA when {@code bytes} more would take the folder above its prohibit level. */
    public void check(Folder folder, long bytes) {
        Long limit = folder.getQuotaProhibitBytes();
        if (limit != null && usage(folder) + bytes > limit) {
            throw new MailboxRefusal(Reason.OVER_QUOTA, "public folder " + folder.getPath() + " is full");
        }
    }
}
