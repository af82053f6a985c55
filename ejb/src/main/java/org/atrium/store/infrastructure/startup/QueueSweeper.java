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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.atrium.store.application.DeliveryService;
import org.atrium.store.infrastructure.messaging.jms.DeliveryWakeups;

/**
 * Re-sends wake-ups for queue entries that are not done: all of them at start (a crash may have lost JMS messages that
 * were never persisted, or the process died between commit and send), and every minute those older than a minute
 * (a wake-up that failed to send). The consumer is idempotent, so a duplicate wake-up costs one query.
 */
@Singleton
@Startup
@DependsOn("StoreBootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class QueueSweeper {

    private static final Logger LOG = System.getLogger("org.atrium.store.delivery");
    private static final int BATCH = 5000;

    @Inject
    DeliveryService delivery;

    @Inject
    DeliveryWakeups wakeups;

    @PostConstruct
    void atStart() {
        int n = sweep(Instant.now().plusSeconds(1));
        if (n > 0) {
            LOG.log(Level.INFO, "delivery: start-up sweep re-queued {0} unfinished message(s)", n);
        }
    }

    @Schedule(hour = "*", minute = "*", second = "30", persistent = false)
    void everyMinute() {
        int n = sweep(Instant.now().minus(Duration.ofMinutes(1)));
        if (n > 0) {
            LOG.log(Level.INFO, "delivery: sweep re-queued {0} message(s) waiting for over a minute", n);
        }
    }

    /** One bounded batch per run; a larger backlog is taken by the following runs. */
    private int sweep(Instant before) {
        List<Long> ids = delivery.queued(before, BATCH);
        // Wake-ups of up to 16 entries: small enough that one entry that cannot be delivered holds back few others
        // (a failing batch is redelivered whole), large enough to file a backlog quickly.
        for (int i = 0; i < ids.size(); i += 16) {
            wakeups.wakeInbound(ids.subList(i, Math.min(ids.size(), i + 16)));
        }
        return ids.size();
    }
}
