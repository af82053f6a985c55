package org.atrium.store.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.atrium.store.application.IncomingMessage;
import org.atrium.store.application.PendingAcceptance;
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
