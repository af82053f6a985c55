package org.atrium.store.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.atrium.store.domain.BlobGarbage;
import org.atrium.store.domain.MessageContent;

/**
 * Reference counting of single-instance content. Every change is one atomic SQL update, which also holds the content
 * row's lock until the transaction ends, so concurrent deliveries and expunges serialise on it and none is lost.
 * Must be called inside the caller's transaction.
 */
@ApplicationScoped
public class ContentReferences {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /** Drops one reference; the last one removes the content row and queues its blob for the collector. */
    public void release(MessageContent content) {
        adjust(content, -1);
    }

    /**
     * Changes the reference count by {@code delta} in one statement (a delivery to n recipients that completes its
     * queue entry is n - 1). When the count reaches zero the content row goes and its blob is queued for the
     * collector.
     */
    public void adjust(MessageContent content, int delta) {
        if (delta == 0) {
            return;
        }
        if (delta < 0) {
            // Pending removals of the items that referenced the content must reach the database before the bulk
            // statements below: Hibernate does not flush them itself (they touch another table).
            em.flush();
        }
        em.createQuery("update MessageContent c set c.refCount = c.refCount + :d where c.id = :id")
                .setParameter("d", delta).setParameter("id", content.getId()).executeUpdate();
        if (delta > 0) {
            return;
        }
        int left = em.createQuery("select c.refCount from MessageContent c where c.id = :id", Integer.class)
                .setParameter("id", content.getId()).getSingleResult();
        if (left > 0) {
            return;
        }
        String hash = content.getBlobHash();
        em.createQuery("delete from MessageContent c where c.id = :id").setParameter("id", content.getId())
                .executeUpdate();
        em.detach(content);
        BlobGarbage g = em.find(BlobGarbage.class, hash);
        if (g == null) {
            em.persist(new BlobGarbage(hash, Instant.now()));
        } else {
            g.releasedAgain(Instant.now());
        }
    }
}
