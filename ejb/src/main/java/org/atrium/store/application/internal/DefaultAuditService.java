package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atrium.store.application.AuditEntry;
import org.atrium.store.application.AuditService;
import org.atrium.store.application.StoreException;
import org.atrium.store.domain.AuditEvent;

/** See {@link AuditService}. Searches use the indexes on {@code at} and {@code actor} (V5__audit.sql). */
@Stateless
public class DefaultAuditService implements AuditService {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(AuditEntry e) {
        em.persist(new AuditEvent(e.at() == null ? Instant.now() : e.at(), e.actor(), e.remote(), e.method(),
                e.resource(), e.status(), e.detail()));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditEntry> search(String actor, Instant since, Instant until, String outcome, int limit,
            int offset) {
        AuditEvent.Outcome o = null;
        if (outcome != null && !outcome.isBlank()) {
            o = AuditEvent.Outcome.parse(outcome);
            if (o == null) {
                throw StoreException.invalid("outcome", "outcome is ok, refused or failed");
            }
        }
        if (limit < 1) {
            throw StoreException.invalid("limit", "limit is at least 1");
        }
        if (offset < 0) {
            throw StoreException.invalid("offset", "offset is at least 0");
        }
        List<String> where = new ArrayList<>();
        String a = actor == null || actor.isBlank() ? null : actor.strip().toLowerCase(Locale.ROOT);
        if (a != null) {
            where.add("e.actor = :actor");
        }
        if (since != null) {
            where.add("e.occurredAt >= :since");
        }
        if (until != null) {
            where.add("e.occurredAt < :until");
        }
        if (o != null) {
            where.add("e.outcome = :outcome");
        }
        String jpql = "select e from AuditEvent e" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by e.occurredAt desc, e.id desc";
        TypedQuery<AuditEvent> q = em.createQuery(jpql, AuditEvent.class);
        if (a != null) {
            q.setParameter("actor", a);
        }
        if (since != null) {
            q.setParameter("since", since);
        }
        if (until != null) {
            q.setParameter("until", until);
        }
        if (o != null) {
            q.setParameter("outcome", o.label());
        }
        return q.setFirstResult(offset).setMaxResults(Math.min(limit, MAX_LIMIT)).getResultList().stream()
                .map(e -> new AuditEntry(e.getAt(), e.getActor(), e.getRemote(), e.getMethod(), e.getResource(),
                        e.getStatus(), e.getOutcome(), e.getDetail()))
                .toList();
    }
}
