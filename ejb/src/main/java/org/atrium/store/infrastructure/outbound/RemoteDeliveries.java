package org.atrium.store.infrastructure.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import org.atrium.connector.smtp.client.RelaySettings;
import org.atrium.connector.smtp.client.RemoteDelivery;
import org.atrium.connector.smtp.client.SmtpRelayClient;

/**
 * Makes the SMTP client for one attempt, from the current {@code atrium.relay.*} settings (so that a changed route
 * or time-out applies to the next attempt). The one place that names the implementation.
 */
@ApplicationScoped
public class RemoteDeliveries {

    public RemoteDelivery create() {
        return new SmtpRelayClient(RelaySettings.from(System::getProperty));
    }
}
