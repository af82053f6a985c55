package org.atrium.store.infrastructure.messaging.jms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.atrium.store.application.InboundQueued;
import org.atrium.store.application.OutboundQueued;

/**
 * Hands {@link InboundQueued} and {@link OutboundQueued} to {@link QueuedWakeups} once the transaction that queued the messages committed (a
 * session bean's observers would have to be business methods; this keeps the EJB plain).
 */
@ApplicationScoped
public class QueuedWakeupObserver {

    @Inject
    QueuedWakeups sender;

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) InboundQueued queued) {
        sender.send(queued.inboundIds());
    }

    void onOutboundQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboundQueued queued) {
        sender.sendOutbound(queued.outboundIds());
    }
}
