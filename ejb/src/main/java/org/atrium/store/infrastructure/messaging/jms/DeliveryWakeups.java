package org.atrium.store.infrastructure.messaging.jms;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.List;
import java.util.stream.Collectors;

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

    /** One wake-up for a batch of queue entries: their ids, comma-separated (the consumer files them together). */
    public void wakeInbound(List<Long> inboundIds) {
        if (inboundIds.isEmpty()) {
            return;
        }
        jms.createProducer().send(inbound, inboundIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
}
