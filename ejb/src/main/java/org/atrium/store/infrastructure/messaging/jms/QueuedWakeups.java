package org.atrium.store.infrastructure.messaging.jms;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import org.atrium.store.application.InboundQueued;

/**
 * Sends the delivery wake-up for messages the store queued itself (a quota warning, {@link InboundQueued}) once the
 * transaction that queued them committed. Asynchronous: the committing thread still carries its finished
 * transaction. A lost wake-up only delays delivery until the sweep ({@code QueueSweeper}). {@link QueuedWakeupObserver}
 * calls it.
 */
@Stateless
public class QueuedWakeups {

    private static final Logger LOG = System.getLogger("org.atrium.store.delivery");

    @Inject
    DeliveryWakeups wakeups;

    @Asynchronous
    public void send(List<Long> inboundIds) {
        try {
            wakeups.wakeInbound(inboundIds);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "delivery: wake-up for {0} not sent, the sweep will deliver: {1}", inboundIds,
                    e.toString());
        }
    }

    /** The outbound wake-ups; a lost one only delays the attempt until the outbound sweep (ADR 0010). */
    @Asynchronous
    public void sendOutbound(List<Long> outboundIds) {
        try {
            wakeups.wakeOutbound(outboundIds);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "outbound: wake-up for {0} not sent, the sweep will relay: {1}", outboundIds,
                    e.toString());
        }
    }
}
