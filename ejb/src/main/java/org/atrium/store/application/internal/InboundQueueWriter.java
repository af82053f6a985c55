package org.atrium.store.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.atrium.store.application.InboundQueued;
import org.atrium.store.application.IncomingMessage;
import org.atrium.store.application.PendingAcceptance;
import org.atrium.store.infrastructure.inbound.MessageSummarizer;
import org.atrium.store.domain.InboundMessage;
import org.atrium.store.domain.InboundRecipient;
import org.atrium.store.domain.MessageContent;
import org.atrium.store.domain.TrackingEvent;

/**
 * Writes one accepted message into the inbound queue (content row holding one reference, queue entry with the
 * envelope's DSN parameters, a RECEIVED tracking record per recipient), in the caller's transaction: the one way
 * SMTP intake, quota notices and DSNs enter the store (ADR 0002).
 */
@ApplicationScoped
public class InboundQueueWriter {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    BlobStoreHolder blobs;

    @Inject
    MessageSummarizer summarizer;

    @Inject
    Event<InboundQueued> queued;

    /**
     * Queues a message the server wrote itself (a DSN, a quota notice) from the null reverse-path (RFC 3461 §6.2,
     * RFC 3834 §3.3) to {@code recipients}: blob, content row and queue entry in the caller's transaction, the
     * delivery wake-up after its commit.
     *
     * @param origin what wrote it, kept as the entry's session id ("dsn", "quota-warning")
     * @throws IOException the blob could not be written; nothing was queued
     */
    public InboundMessage writeGenerated(byte[] message, List<String> recipients, String helo, String origin,
            Instant now) throws IOException {
        var blob = blobs.get().store(new ByteArrayInputStream(message));
        var summary = summarizer.summarize(new ByteArrayInputStream(message));
        InboundMessage entry = write(new PendingAcceptance(new IncomingMessage("", recipients, "127.0.0.1", helo, null,
                origin, now), blob, summary), now);
        em.flush(); // the entry's id, for the wake-up
        queued.fire(new InboundQueued(List.of(entry.getId())));
        return entry;
    }

    public InboundMessage write(PendingAcceptance p, Instant now) {
        IncomingMessage msg = p.message();
        var summary = p.summary();
        MessageContent content = StoredContents.create(p.blob(), summary, 1, now);
        em.persist(content);
        InboundMessage entry = new InboundMessage(QueueIds.next(), content, msg.reversePath(), msg.clientIp(),
                msg.helo(), msg.authenticatedUser(), msg.sessionId(), msg.receivedAt(), msg.recipients());
        entry.dsnParameters(msg.envid(), msg.ret());
        for (InboundRecipient r : entry.getRecipients()) {
            IncomingMessage.DsnRequest d = msg.dsn(r.getAddress());
            r.dsnRequest(d.notifyOn(), d.orcpt());
        }
        em.persist(entry);
        // The SMTP AUTH identity (RFC 4954) of a submitted message is part of its trace, as in the queue entry.
        String detail = "size=" + p.blob().size()
                + (msg.authenticatedUser() == null ? "" : " auth=" + msg.authenticatedUser());
        for (String r : msg.recipients()) {
            em.persist(new TrackingEvent(now, TrackingEvent.Kind.RECEIVED, entry.getQueueId(), summary.messageId(),
                    msg.reversePath(), r, msg.clientIp(), detail));
        }
        return entry;
    }
}
