package org.atrium.store.application;

import java.time.Instant;

/**
 * What parsing a message once at acceptance yielded: the indexed header values, and the whole metadata (envelope,
 * body structure with part offsets) as JSON for later protocol reads.
 */
public record ContentSummary(Instant sentDate, String subject, String from, String to, String messageId,
        String inReplyTo, String metadataJson) {
}
