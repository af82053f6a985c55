package org.atrium.connector.smtp.client;

import java.io.IOException;
import java.io.InputStream;

/**
 * Delivers one message to the next hop of one destination domain (RFC 5321 §5: MX records in preference order, the
 * address record when there is no MX, nothing at all for a null MX, RFC 7505), or to the smart host the
 * administrator routed that domain to. Blocking; call it outside any transaction.
 *
 * <p>Never throws for a remote failure: every recipient gets a {@link RecipientResult}. A domain with a null MX or
 * without any address gets permanent failures ({@code 5.1.10} / {@code 5.4.4}); a host that cannot be reached, a
 * time-out or a broken connection gets temporary ones after the next host was tried.
 */
public interface RemoteDelivery {

    /** Supplies the message, dot-stuffing not applied, lines ending in CR LF; may be opened more than once. */
    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;
    }

    DeliveryReport deliver(String domain, OutboundEnvelope envelope, Content content);
}
