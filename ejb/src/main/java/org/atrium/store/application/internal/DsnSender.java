package org.atrium.store.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import org.atrium.store.application.Settings;
import org.atrium.store.domain.InboundMessage;
import org.atrium.store.domain.MessageContent;
import org.atrium.store.domain.OutboundMessage;
import org.atrium.store.domain.TrackingEvent;

/**
 * Queues a delivery status notification (RFC 3464) for the sender of a message, in the caller's transaction,
 * through the normal acceptance path: the DSN is an inbound message from the null reverse-path (RFC 3461 §6.2) to
 * the original reverse-path, filed locally or relayed like any other, woken after commit. Never for a message from
 * the null reverse-path (RFC 5321 §6.1: no notification about a notification).
 */
@ApplicationScoped
public class DsnSender {

    private static final Logger LOG = System.getLogger("org.atrium.store.delivery");

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    BlobStoreHolder blobs;

    @Inject
    InboundQueueWriter writer;

    @Inject
    Settings settings;


    /**
     * What a DSN is about.
     *
     * @param queueId the entry it reports on (inbound or outbound)
     */
    record Subject(String queueId, String reversePath, String envid, String ret, Instant arrival,
            MessageContent content) {
    }

    static Subject of(OutboundMessage m) {
        return new Subject(m.getQueueId(), m.getReversePath(), m.getEnvid(), m.getRet(), m.getReceivedAt(),
                m.getContent());
    }

    static Subject of(InboundMessage m) {
        return new Subject(m.getQueueId(), m.getReversePath(), m.getEnvid(), m.getRet(), m.getReceivedAt(),
                m.getContent());
    }

    /**
     * Composes the DSN, writes it to the inbound queue and records DSN_SENT per recipient reported. Does nothing for
     * the null reverse-path or an empty list.
     *
     * @throws UncheckedIOException the original could not be read or the DSN not stored: the caller's transaction
     *         rolls back and its work is retried, so that no notification is lost
     */
    public void send(Subject s, List<DsnComposer.Recipient> recipients, Instant now) {
        if (s.reversePath() == null || s.reversePath().isEmpty() || recipients.isEmpty()) {
            return;
        }
        String host = settings.hostname();
        DsnComposer.Report report = new DsnComposer.Report(host, s.reversePath(), s.envid(), s.ret(), s.arrival(),
                s.queueId(), recipients, now);
        InboundMessage entry;
        try {
            byte[] original;
            try (InputStream in = blobs.get().open(s.content().getBlobHash())) {
                original = in.readNBytes(DsnComposer.MAX_RETURNED + 1);
            }
            byte[] dsn = DsnComposer.compose(report, original, original.length > DsnComposer.MAX_RETURNED);
            entry = writer.writeGenerated(dsn, List.of(s.reversePath()), host, "dsn", now);
        } catch (IOException e) {
            throw new UncheckedIOException("DSN for " + s.queueId() + " not queued", e);
        }
        for (DsnComposer.Recipient r : recipients) {
            em.persist(new TrackingEvent(now, TrackingEvent.Kind.DSN_SENT, s.queueId(), s.content().getMessageId(),
                    s.reversePath(), r.address(), null, r.action().name().toLowerCase(java.util.Locale.ROOT) + " "
                            + r.status() + " dsn=" + entry.getQueueId()));
        }
        LOG.log(Level.INFO, "delivery: queue={0} DSN {1} to {2} ({3} recipient(s), {4})", s.queueId(),
                entry.getQueueId(), s.reversePath(), recipients.size(), recipients.get(0).action());
    }
}
