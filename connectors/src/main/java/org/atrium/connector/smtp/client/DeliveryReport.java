package org.atrium.connector.smtp.client;

import java.util.List;

/**
 * The result of one delivery attempt for one destination domain.
 *
 * @param remote the host that decided, as {@code name [ip]}, or null when no host could be reached
 * @param dsnPassedOn whether the remote advertised DSN (RFC 3461), so that NOTIFY/ORCPT/RET/ENVID went with the
 *        message and the next hop now owns the success notifications (§5.2.2); when false a recipient that asked
 *        for NOTIFY=SUCCESS gets a "relayed" DSN from us
 * @param tls whether the transaction ran over TLS (STARTTLS, RFC 3207)
 * @param results one per envelope recipient, in envelope order
 */
public record DeliveryReport(String remote, boolean dsnPassedOn, boolean tls, List<RecipientResult> results) {

    public DeliveryReport {
        results = List.copyOf(results);
    }
}
