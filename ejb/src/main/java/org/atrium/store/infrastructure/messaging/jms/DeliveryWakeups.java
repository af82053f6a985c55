package org.atrium.store.infrastructure.messaging.jms;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

/**
 * Sends wake-ups to the inbound delivery consumer: a persistent JMS text message carrying only the queue entry id
 * (events carry ids, never objects). The database row is the truth; losing a wake-up only delays delivery until the
 * sweep ({@code QueueSweeper}) sends another.
 */
@ApplicationScoped
public class DeliveryWakeups {

    public static final String INBOUND_QUEUE = "java:/jms/queue/atrium/InboundDelivery";

    @Inject
    JMSContext jms;

    @Resource(lookup = INBOUND_QUEUE)
    Queue inbound;

    public void wakeInbound(long inboundId) {
        jms.createProducer().send(inbound, Long.toString(inboundId));
    }
}
