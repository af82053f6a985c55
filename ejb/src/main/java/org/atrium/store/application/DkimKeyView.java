package org.atrium.store.application;

import java.time.Instant;

/**
 * A domain's DKIM key as the administrator publishes it.
 *
 * @param recordName the DNS name of the TXT record, {@code <selector>._domainkey.<domain>}
 * @param recordValue the TXT record's value, {@code v=DKIM1; k=rsa; p=...}
 */
public record DkimKeyView(String domain, String selector, String recordName, String recordValue, Instant createdAt) {
}
