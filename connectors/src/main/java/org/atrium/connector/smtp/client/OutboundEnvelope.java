package org.atrium.connector.smtp.client;

import java.util.List;

/**
 * What one outbound SMTP transaction carries (RFC 5321 §3.3). All recipients share one destination domain, so the
 * delivery agent sends them in one transaction to the same host (issue #4).
 *
 * @param reversePath MAIL FROM without brackets, "" for the null reverse-path (a DSN)
 * @param envid ENVID= to pass on (RFC 3461 §4.4), xtext, or null
 * @param ret RET= to pass on (RFC 3461 §4.3), "FULL" or "HDRS", or null
 * @param recipients at least one
 * @param eightBitMime whether the content needs BODY=8BITMIME (RFC 6152)
 * @param size the content's size in octets, for SIZE= (RFC 1870)
 */
public record OutboundEnvelope(String reversePath, String envid, String ret, List<OutboundRecipient> recipients,
        boolean eightBitMime, long size) {

    public OutboundEnvelope {
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an outbound transaction needs at least one recipient");
        }
    }
}
