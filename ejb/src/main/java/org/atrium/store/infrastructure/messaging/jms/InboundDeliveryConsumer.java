package org.atrium.store.infrastructure.messaging.jms;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.List;
import java.lang.System.Logger.Level;
import org.atrium.store.application.DeliveryService;

/**
 * Files accepted messages into INBOXes when woken; a wake-up carries the ids of one group commit, filed together in
 * one transaction. Runs in the container's transaction with the JMS delivery: if
 * filing fails, the transaction rolls back and Artemis redelivers with back-off, then dead-letters
 * (configure.cli). Idempotent: {@link DeliveryService#deliver} skips what is already filed, so redeliveries and the
 * sweep's extra wake-ups (also after a kill -9, when Artemis redelivers without the redelivered flag) are harmless.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = DeliveryWakeups.INBOUND_QUEUE),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
public class InboundDeliveryConsumer implements MessageListener {

    private static final Logger LOG = System.getLogger("org.atrium.store.delivery");

    @Inject
    DeliveryService delivery;

    @Override
    public void onMessage(Message message) {
        List<Long> ids = new ArrayList<>();
        try {
            for (String part : ((TextMessage) message).getText().split(",")) {
                ids.add(Long.parseLong(part.trim()));
            }
        } catch (JMSException | ClassCastException | NumberFormatException | NullPointerException e) {
            LOG.log(Level.ERROR, "delivery: ignoring a malformed wake-up message: {0}", e.toString());
            return; // nothing to retry: redelivering garbage would not make it better
        }
        delivery.deliverAll(ids);
    }
}
