package org.atrium.store.infrastructure.messaging.jms;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.atrium.store.infrastructure.outbound.OutboundAgent;

/**
 * Relays one outbound queue entry per wake-up (its id). Runs without a transaction: an SMTP conversation may take
 * minutes and must hold no database lock or JTA timeout; the agent claims the entry and records the result in short
 * transactions of their own (ADR 0010). A failure here is logged, not redelivered: the row is the truth and the
 * outbound sweep wakes the entry again when it is due. {@code maxSession} bounds the concurrent connections.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = DeliveryWakeups.OUTBOUND_QUEUE),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
public class OutboundDeliveryConsumer implements MessageListener {

    private static final Logger LOG = System.getLogger("org.atrium.store.outbound");

    @Inject
    OutboundAgent agent;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void onMessage(Message message) {
        long id;
        try {
            id = Long.parseLong(((TextMessage) message).getText().trim());
        } catch (JMSException | ClassCastException | NumberFormatException | NullPointerException e) {
            LOG.log(Level.ERROR, "outbound: ignoring a malformed wake-up message: {0}", e.toString());
            return;
        }
        try {
            agent.attempt(id);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "outbound: attempt for entry {0} failed, the sweep retries it: {1}", id,
                    e.toString());
        }
    }
}
