package org.atrium.store.application.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.Map;
import org.atrium.store.domain.Folder;

/**
 * The folder rows one transaction has locked. A folder is locked (and re-read under the lock) once; later uses in the
 * same transaction reuse it, because re-reading would discard the UIDNEXT/MODSEQ changes not yet flushed.
 * UID and MODSEQ allocation happen only under this lock (see {@link Folder}).
 */
final class FolderLocks {

    private final EntityManager em;
    private final Map<Long, Folder> locked = new HashMap<>();

    FolderLocks(EntityManager em) {
        this.em = em;
    }

    Folder lock(long folderId) {
        return locked.computeIfAbsent(folderId, id -> {
            Folder ref = em.getReference(Folder.class, id);
            if (em.getEntityManagerFactory().getPersistenceUnitUtil().isLoaded(ref)) {
                em.refresh(ref, LockModeType.PESSIMISTIC_WRITE); // loaded before the lock: re-read under it
                return ref;
            }
            Folder f = em.find(Folder.class, id, LockModeType.PESSIMISTIC_WRITE); // one SELECT ... FOR UPDATE
            if (f == null) {
                throw new IllegalStateException("folder " + id + " is gone");
            }
            return f;
        });
    }
}
