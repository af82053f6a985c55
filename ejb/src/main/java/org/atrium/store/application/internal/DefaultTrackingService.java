package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.atrium.store.application.TrackingEntryView;
import org.atrium.store.application.TrackingQuery;
import org.atrium.store.application.TrackingService;

/**
 * See {@link TrackingService}. Runs the portable native SQL of {@link TrackingSql} (tested on H2 and PostgreSQL):
 * newest first, at most {@value TrackingSql#MAX_LIMIT} rows a search, hourly counts in UTC hours with the empty
 * hours filled in. Reads only; joins the caller's transaction if there is one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DefaultTrackingService implements TrackingService {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Override
    public List<TrackingEntryView> search(TrackingQuery query) {
        return rows(TrackingSql.search(query, true)).stream().map(TrackingSql::entry).toList();
    }

    @Override
    public Map<Instant, Map<String, Long>> hourly(Instant from, Instant to, List<String> kinds) {
        return TrackingSql.buckets(from, to, kinds, rows(TrackingSql.hourly(from, to, kinds, true)));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(TrackingSql.Statement s) {
        Query q = em.createNativeQuery(s.sql());
        for (int i = 0; i < s.parameters().size(); i++) {
            q.setParameter(i + 1, s.parameters().get(i));
        }
        return q.getResultList();
    }
}
