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
    public static final String OUTBOUND_QUEUE = "java:/jms/queue/atrium/OutboundDelivery";

    @Inject
    JMSContext jms;

    @Resource(lookup = INBOUND_QUEUE)
    Queue inbound;

    @Resource(lookup = OUTBOUND_QUEUE)
    Queue outbound;

    /** One wake-up for a batch of queue entries: their ids, comma-separated (the consumer files them together). */
    public void wakeInbound(List<Long> inboundIds) {
        if (inboundIds.isEmpty()) {
            return;
        }
        jms.createProducer().send(inbound, inboundIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    /**
     * One wake-up per outbound entry (ADR 0010): each is one SMTP transaction to its own destination, so the
     * consumers relay them in parallel and a slow domain holds back no other.
     */
    public void wakeOutbound(List<Long> outboundIds) {
        var producer = jms.createProducer();
        for (Long id : outboundIds) {
            producer.send(outbound, String.valueOf(id));
        }
    }
}
