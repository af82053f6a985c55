package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atrium.store.application.StorageService;
import org.atrium.store.application.StorageUsage;

/**
 * See {@link StorageService}: sums over {@code mail_item} grouped by the domain of the folder's owner, and over
 * {@code message_content}. Portable native SQL ({@link #BY_DOMAIN}, {@link #CONTENT}), tested on H2 by
 * TrackingSqlTest's schema.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DefaultStorageService implements StorageService {

    static final String BY_DOMAIN = "SELECT d.name, COALESCE(SUM(i.size), 0) FROM mail_item i"
            + " JOIN folder f ON f.id = i.folder_id JOIN account a ON a.id = f.owner_id"
            + " JOIN domain d ON d.id = a.domain_id GROUP BY d.name";

    static final String CONTENT = "SELECT COALESCE(SUM(size), 0) FROM message_content";

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public StorageUsage usage() {
        List<Object[]> rows = em.createNativeQuery(BY_DOMAIN).getResultList();
        Object content = em.createNativeQuery(CONTENT).getSingleResult();
        return usage(rows, content);
    }

    /** The answer from the rows of {@link #BY_DOMAIN} and the value of {@link #CONTENT}. */
    static StorageUsage usage(List<Object[]> byDomain, Object content) {
        Map<String, Long> domains = new HashMap<>();
        long total = 0;
        for (Object[] r : byDomain) {
            long bytes = ((Number) r[1]).longValue();
            domains.merge(String.valueOf(r[0]), bytes, Long::sum);
            total += bytes;
        }
        return new StorageUsage(total, content == null ? 0 : ((Number) content).longValue(), domains);
    }
}
