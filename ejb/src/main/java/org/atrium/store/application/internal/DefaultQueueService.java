package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.atrium.store.application.OutboundQueued;
import org.atrium.store.application.QueueEntryView;
import org.atrium.store.application.QueueService;
import org.atrium.store.application.QueueStats;
import org.atrium.store.application.StoreException;
import org.atrium.store.domain.OutboundMessage;
import org.atrium.store.domain.OutboundRecipient;
import org.atrium.store.domain.TrackingEvent;

/** See {@link QueueService}. Operates on the outbound queue rows (ADR 0010); every change writes tracking records. */
@Stateless
public class DefaultQueueService implements QueueService {

    private static final Logger LOG = System.getLogger("org.atrium.store.outbound");

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    OutboundQueue outbound;

    @Inject
    DsnSender dsn;

    @Inject
    Event<OutboundQueued> queued;

    private final Clock clock = Clock.systemUTC();

    @Override
    public List<QueueEntryView> list(QueueEntryView.State state, int offset, int limit) {
        var q = em.createQuery("select m from OutboundMessage m" + (state == null ? "" : " where m.state = :s")
                + " order by m.receivedAt, m.id", OutboundMessage.class);
        if (state != null) {
            q.setParameter("s", OutboundMessage.State.valueOf(state.name()));
        }
        return q.setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(0, Math.min(limit, 1000)))
                .getResultStream().map(DefaultQueueService::view).toList();
    }

    @Override
    public Optional<QueueEntryView> entry(String queueId) {
        return find(queueId, false).map(DefaultQueueService::view);
    }

    @Override
    public QueueEntryView retryNow(String queueId) {
        OutboundMessage m = locked(queueId);
        if (m.getState() != OutboundMessage.State.SENDING) {
            m.queue(clock.instant().plus(OutboundQueue.WAKE_LEASE));
            queued.fire(new OutboundQueued(List.of(m.getId())));
            LOG.log(Level.INFO, "outbound: queue={0} retry now requested", queueId);
        }
        return view(m);
    }

    @Override
    public void delete(String queueId) {
        OutboundMessage m = locked(queueId);
        Instant now = clock.instant();
        for (OutboundRecipient r : m.getRecipients()) {
            if (r.isPending()) {
                track(m, r, TrackingEvent.Kind.DELETED, "deleted by an administrator", now);
            }
        }
        outbound.remove(m);
        LOG.log(Level.INFO, "outbound: queue={0} deleted by an administrator", queueId);
    }

    @Override
    public void bounce(String queueId) {
        OutboundMessage m = locked(queueId);
        Instant now = clock.instant();
        List<DsnComposer.Recipient> report = new ArrayList<>();
        String reason = "returned by the postmaster";
        for (OutboundRecipient r : m.getRecipients()) {
            if (!r.isPending()) {
                continue;
            }
            String last = r.getReply();
            r.failed(last == null ? reason : reason + "; last error: " + last);
            track(m, r, TrackingEvent.Kind.FAILED, reason, now);
            if (DsnNotify.wants(m.getReversePath(), r.getNotify(), DsnNotify.On.FAILURE)) {
                report.add(OutboundDelivery.dsnLine(r, DsnComposer.Action.FAILED, "5.0.0", null, last,
                        last == null ? reason : reason + "; last error: " + last, m, null));
            }
        }
        dsn.send(DsnSender.of(m), report, now);
        outbound.remove(m);
        LOG.log(Level.INFO, "outbound: queue={0} bounced by an administrator", queueId);
    }

    @Override
    public QueueStats stats() {
        Object[] row = em.createQuery("select count(m), min(m.receivedAt) from OutboundMessage m", Object[].class)
                .getSingleResult();
        long deferred = em.createQuery("select count(m) from OutboundMessage m where m.state = :s", Long.class)
                .setParameter("s", OutboundMessage.State.DEFERRED).getSingleResult();
        long recipients = em.createQuery("select count(r) from OutboundRecipient r where r.state = :p", Long.class)
                .setParameter("p", OutboundRecipient.State.PENDING).getSingleResult();
        return new QueueStats(((Number) row[0]).longValue(), recipients, deferred, (Instant) row[1]);
    }

    private Optional<OutboundMessage> find(String queueId, boolean lock) {
        var q = em.createQuery("select m from OutboundMessage m where m.queueId = :q", OutboundMessage.class)
                .setParameter("q", queueId);
        if (lock) {
            q.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return q.getResultStream().findFirst();
    }

    private OutboundMessage locked(String queueId) {
        return find(queueId, true).orElseThrow(() -> StoreException.notFound("no queue entry " + queueId));
    }

    private void track(OutboundMessage m, OutboundRecipient r, TrackingEvent.Kind kind, String detail, Instant now) {
        em.persist(new TrackingEvent(now, kind, m.getQueueId(), m.getContent().getMessageId(), m.getReversePath(),
                r.getAddress(), null, detail));
    }

    private static QueueEntryView view(OutboundMessage m) {
        return new QueueEntryView(m.getQueueId(), m.getReversePath(), m.getDomain(),
                m.getRecipients().stream().filter(OutboundRecipient::isPending).map(OutboundRecipient::getAddress)
                        .toList(),
                QueueEntryView.State.valueOf(m.getState().name()), m.getContent().getSize(),
                m.getContent().getMessageId(), m.getReceivedAt(), m.getAttempts(), m.getLastReply(),
                m.getNextAttemptAt(), m.getExpiresAt());
    }
}
