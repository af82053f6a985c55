package org.atrium.store.infrastructure.startup;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import org.atrium.store.application.Settings;
import org.atrium.store.application.internal.BlobStoreHolder;
import org.atrium.store.domain.BlobGarbage;

/**
 * Deletes blobs whose last message went, once a grace period has passed ({@code atrium.blob.gc-grace-seconds},
 * default 300). The grace closes the race with a message of identical bytes being accepted at the same moment: its
 * writer finds the file already there and re-uses it, and commits its content row well within the grace; a blob
 * that is referenced again is simply dropped from the candidates.
 */
@Singleton
public class BlobCollector {

    private static final Logger LOG = System.getLogger("org.atrium.store.blobs");

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    BlobStoreHolder blobs;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void collect() {
        Duration grace = Duration.ofSeconds(Settings.getInt("atrium.blob.gc-grace-seconds", 300));
        Instant cutoff = Instant.now().minus(grace);
        var candidates = em.createQuery("select g from BlobGarbage g where g.releasedAt < :c", BlobGarbage.class)
                .setParameter("c", cutoff).setMaxResults(500).getResultList();
        int deleted = 0;
        for (BlobGarbage g : candidates) {
            long refs = em.createQuery("select count(c) from MessageContent c where c.blobHash = :h", Long.class)
                    .setParameter("h", g.getBlobHash()).getSingleResult();
            if (refs == 0) {
                try {
                    if (blobs.get().deleteIfUnchangedSince(g.getBlobHash(), g.getReleasedAt())) {
                        deleted++;
                    }
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "blobs: cannot delete {0}: {1}", g.getBlobHash(), e.toString());
                    continue;
                }
            }
            em.remove(g);
        }
        if (deleted > 0) {
            LOG.log(Level.INFO, "blobs: {0} unreferenced blob(s) deleted", deleted);
        }
    }

}
