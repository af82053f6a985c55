package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atrium.store.domain.OutboundMessage;
import org.atrium.store.domain.OutboundRecipient;
import org.atrium.store.domain.TrackingEvent;

/**
 * The transactional steps of one outbound attempt (ADR 0010). The SMTP conversation itself runs between them,
 * outside any transaction: {@link #claim} takes the entry (SENDING, with a lease so that an attempt that dies with
 * the process is due again), the caller talks to the next hop, and {@link #record} writes what became of each
 * recipient: relayed, failed (a DSN), or deferred by the retry schedule until the queue lifetime ends (expired, a
 * DSN), with one "delayed" DSN once the delay-warning time has passed (RFC 3464 §2.3.3, RFC 3461 §4.1).
 */
@Stateless
public class OutboundDelivery {

    private static final Logger LOG = System.getLogger("org.atrium.store.outbound");

    /** An attempt older than this is presumed dead (the process went away): its entry is due again. */
    static final Duration SENDING_LEASE = Duration.ofMinutes(15);

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    DsnSender dsn;

    @Inject
    OutboundQueue outbound;

    private final Clock clock = Clock.systemUTC();

    /** One recipient of an attempt, with the DSN request to pass on (RFC 3461 §5.2). */
    public record Recipient(String address, String notifyOn, String orcpt) {
    }

    /**
     * A claimed entry, as the SMTP client needs it.
     *
     * @param number the attempt's number; {@link #record} ignores a result whose attempt lost the entry
     */
    public record Attempt(long id, String queueId, int number, String domain, String reversePath, String envid,
            String ret, List<Recipient> recipients, String blobHash, long size, String authUser) {

        public Attempt {
            recipients = List.copyOf(recipients);
        }
    }

    /** What became of one recipient. */
    public enum Outcome { DELIVERED, TEMPORARY, PERMANENT }

    /**
     * @param reply the remote reply or a description of the local failure
     */
    public record RecipientOutcome(String address, Outcome outcome, String reply) {
    }

    /**
     * @param remote the host that decided, or null
     * @param dsnPassedOn whether the next hop took the DSN parameters (then it reports success itself)
     */
    public record Result(String remote, boolean dsnPassedOn, List<RecipientOutcome> outcomes) {

        public Result {
            outcomes = List.copyOf(outcomes);
        }

        /** The same outcome for every recipient of the attempt (a local failure, a loop). */
        public static Result all(Attempt a, Outcome outcome, String reply) {
            return new Result(null, false, a.recipients().stream()
                    .map(r -> new RecipientOutcome(r.address(), outcome, reply)).toList());
        }
    }

    /** Claims the entry for one attempt; empty when it is gone, not due, or another attempt holds it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Attempt> claim(long id) {
        Instant now = clock.instant();
        OutboundMessage m = em.find(OutboundMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null || !m.claim(now, now.plus(SENDING_LEASE))) {
            return Optional.empty();
        }
        List<Recipient> pending = m.getRecipients().stream().filter(OutboundRecipient::isPending)
                .map(r -> new Recipient(r.getAddress(), r.getNotify(), r.getOrcpt())).toList();
        if (pending.isEmpty()) {
            outbound.remove(m);
            return Optional.empty();
        }
        return Optional.of(new Attempt(m.getId(), m.getQueueId(), m.getAttempts(), m.getDomain(),
                m.getReversePath(), m.getEnvid(), m.getRet(), pending, m.getContent().getBlobHash(),
                m.getContent().getSize(), m.getAuthUser()));
    }

    /** Records an attempt's result; see the class comment. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(Attempt a, Result result) {
        Instant now = clock.instant();
        OutboundMessage m = em.find(OutboundMessage.class, a.id(), LockModeType.PESSIMISTIC_WRITE);
        if (m == null || !m.heldBy(a.number())) {
            // Deleted or bounced by an administrator meanwhile, or the lease ran out and another attempt took over.
            LOG.log(Level.WARNING, "outbound: queue={0} result of attempt {1} dropped: the entry changed meanwhile",
                    a.queueId(), a.number());
            return;
        }
        Map<String, RecipientOutcome> byAddress = new HashMap<>();
        result.outcomes().forEach(o -> byAddress.putIfAbsent(o.address(), o));
        List<DsnComposer.Recipient> report = new ArrayList<>();
        String lastTemporary = null;
        for (OutboundRecipient r : m.getRecipients()) {
            if (!r.isPending()) {
                continue;
            }
            RecipientOutcome o = byAddress.getOrDefault(r.getAddress(),
                    new RecipientOutcome(r.getAddress(), Outcome.TEMPORARY, "4.3.0 no result for this recipient"));
            switch (o.outcome()) {
                case DELIVERED -> {
                    r.relayed(o.reply());
                    track(m, r, TrackingEvent.Kind.RELAYED, result.remote(), o.reply(), now);
                    LOG.log(Level.INFO, "outbound: queue={0} to={1} relayed via {2}: {3}", m.getQueueId(),
                            r.getAddress(), result.remote(), o.reply());
                    if (!result.dsnPassedOn()
                            && DsnNotify.wants(m.getReversePath(), r.getNotify(), DsnNotify.On.SUCCESS)) {
                        report.add(dsnLine(r, DsnComposer.Action.RELAYED, "2.0.0", result.remote(), o.reply(),
                                "passed on to " + result.remote(), m, null));
                    }
                }
                case PERMANENT -> {
                    r.failed(o.reply());
                    track(m, r, TrackingEvent.Kind.FAILED, result.remote(), o.reply(), now);
                    LOG.log(Level.WARNING, "outbound: queue={0} to={1} failed via {2}: {3}", m.getQueueId(),
                            r.getAddress(), result.remote(), o.reply());
                    if (DsnNotify.wants(m.getReversePath(), r.getNotify(), DsnNotify.On.FAILURE)) {
                        report.add(dsnLine(r, DsnComposer.Action.FAILED, DsnComposer.statusOf(o.reply(), "5.0.0"),
                                result.remote(), o.reply(), o.reply(), m, null));
                    }
                }
                case TEMPORARY -> {
                    r.deferred(o.reply());
                    lastTemporary = o.reply();
                }
            }
        }
        if (lastTemporary != null) {
            m.replied(lastTemporary);
            if (now.isBefore(m.getExpiresAt())) {
                defer(m, result.remote(), lastTemporary, now, report);
            } else {
                expire(m, result.remote(), now, report);
            }
        } else if (!result.outcomes().isEmpty()) {
            m.replied(result.outcomes().get(result.outcomes().size() - 1).reply());
        }
        dsn.send(DsnSender.of(m), report, now);
        if (!m.hasPending()) {
            outbound.remove(m);
        }
    }

    private void defer(OutboundMessage m, String remote, String reply, Instant now,
            List<DsnComposer.Recipient> report) {
        Instant next = RetrySchedule.fromSettings().next(now, m.getAttempts(), m.getExpiresAt());
        m.defer(next, reply);
        for (OutboundRecipient r : m.getRecipients()) {
            if (r.isPending()) {
                track(m, r, TrackingEvent.Kind.DEFERRED, remote, r.getReply() + " (next attempt " + next + ")", now);
            }
        }
        LOG.log(Level.INFO, "outbound: queue={0} domain={1} deferred after attempt {2}, next {3}: {4}",
                m.getQueueId(), m.getDomain(), m.getAttempts(), next, reply);
        Duration warnAfter = RetrySchedule.setting("atrium.queue.delay-warning", RetrySchedule.DEFAULT_DELAY_WARNING);
        if (warnAfter.isZero() || m.getDelayWarnedAt() != null || now.isBefore(m.getReceivedAt().plus(warnAfter))) {
            return;
        }
        m.delayWarned(now);
        for (OutboundRecipient r : m.getRecipients()) {
            if (r.isPending() && DsnNotify.wants(m.getReversePath(), r.getNotify(), DsnNotify.On.DELAY)) {
                report.add(dsnLine(r, DsnComposer.Action.DELAYED, DsnComposer.statusOf(r.getReply(), "4.0.0"),
                        remote, r.getReply(), r.getReply(), m, m.getExpiresAt()));
                track(m, r, TrackingEvent.Kind.DELAYED, remote, "delay warning, retried until " + m.getExpiresAt(),
                        now);
            }
        }
    }

    /** The queue lifetime is over (RFC 5321 §4.5.4.1): every pending recipient fails with its last reply. */
    private void expire(OutboundMessage m, String remote, Instant now, List<DsnComposer.Recipient> report) {
        for (OutboundRecipient r : m.getRecipients()) {
            if (!r.isPending()) {
                continue;
            }
            String last = r.getReply();
            r.failed(last);
            track(m, r, TrackingEvent.Kind.EXPIRED, remote, "given up after " + m.getAttempts() + " attempts: " + last,
                    now);
            if (DsnNotify.wants(m.getReversePath(), r.getNotify(), DsnNotify.On.FAILURE)) {
                report.add(dsnLine(r, DsnComposer.Action.FAILED, DsnComposer.statusOf(last, "4.4.7"), remote, last,
                        "delivery time expired; last error: " + last, m, null));
            }
        }
        LOG.log(Level.WARNING, "outbound: queue={0} domain={1} expired after {2} attempts", m.getQueueId(),
                m.getDomain(), m.getAttempts());
    }

    static DsnComposer.Recipient dsnLine(OutboundRecipient r, DsnComposer.Action action, String status,
            String remote, String reply, String reason, OutboundMessage m, Instant willRetryUntil) {
        return new DsnComposer.Recipient(r.getAddress(), r.getOrcpt(), action, status, remote,
                DsnComposer.isSmtpReply(reply) ? reply : null, reason, m.getLastAttemptAt(), willRetryUntil);
    }

    private void track(OutboundMessage m, OutboundRecipient r, TrackingEvent.Kind kind, String remote, String detail,
            Instant now) {
        em.persist(new TrackingEvent(now, kind, m.getQueueId(), m.getContent().getMessageId(), m.getReversePath(),
                r.getAddress(), remote == null || remote.length() <= 255 ? remote : remote.substring(0, 255), detail));
    }


    /**
     * At start-up: no attempt of this (single) server survives a restart, so entries left SENDING are due now rather
     * than when their lease ends.
     *
     * @return how many there were
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int releaseAbandoned() {
        return em.createQuery("update OutboundMessage m set m.state = :q, m.nextAttemptAt = :now where m.state = :s")
                .setParameter("q", OutboundMessage.State.QUEUED).setParameter("now", clock.instant())
                .setParameter("s", OutboundMessage.State.SENDING).executeUpdate();
    }

    /**
     * Makes due entries QUEUED again and returns their ids for wake-ups: deferred entries whose time came, queued
     * ones whose wake-up was lost, and SENDING ones whose attempt died (lease passed). Each woken entry is due again
     * only a minute later, should this wake-up be lost too.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> wakeDue(int max) {
        Instant now = clock.instant();
        List<Long> ids = em.createQuery("select m.id from OutboundMessage m where m.nextAttemptAt <= :now "
                + "order by m.nextAttemptAt, m.id", Long.class).setParameter("now", now).setMaxResults(max)
                .getResultList();
        if (ids.isEmpty()) {
            return ids;
        }
        em.createQuery("update OutboundMessage m set m.state = :q, m.nextAttemptAt = :lease "
                + "where m.id in :ids and m.nextAttemptAt <= :now").setParameter("q", OutboundMessage.State.QUEUED)
                .setParameter("lease", now.plus(OutboundQueue.WAKE_LEASE)).setParameter("ids", ids)
                .setParameter("now", now).executeUpdate();
        return ids;
    }
}
