package org.atrium.store.infrastructure.startup;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import org.atrium.store.application.internal.OutboundDelivery;
import org.atrium.store.infrastructure.messaging.jms.DeliveryWakeups;

/**
 * Wakes the outbound entries that are due (ADR 0010): deferred ones whose retry time came, and those whose wake-up
 * or attempt was lost (their lease passed). Every five seconds, so that retry schedules in seconds work; a run that
 * finds nothing costs one indexed query ({@code next_attempt_at <= now}). At start, attempts the last shutdown
 * interrupted are due at once.
 */
@Singleton
@Startup
@DependsOn("StoreBootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboundSweeper {

    private static final Logger LOG = System.getLogger("org.atrium.store.outbound");
    private static final int BATCH = 500;

    @Inject
    OutboundDelivery delivery;

    @Inject
    DeliveryWakeups wakeups;

    @PostConstruct
    void atStart() {
        int n = delivery.releaseAbandoned();
        if (n > 0) {
            LOG.log(Level.INFO, "outbound: {0} attempt(s) interrupted by the last shutdown are due again", n);
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void sweep() {
        List<Long> ids = delivery.wakeDue(BATCH); // committed before the wake-ups go out
        if (ids.isEmpty()) {
            return;
        }
        try {
            wakeups.wakeOutbound(ids);
            LOG.log(Level.DEBUG, "outbound: sweep woke {0} due entr(ies)", ids.size());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "outbound: sweep could not wake {0} entr(ies), next sweep: {1}", ids.size(),
                    e.toString());
        }
    }
}
