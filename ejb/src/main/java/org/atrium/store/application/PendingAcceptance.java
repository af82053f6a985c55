package org.atrium.store.application;

import org.atrium.store.domain.BlobStore.BlobRef;

/** A message whose blob is on disk and parsed, waiting to be committed to the inbound queue. */
public record PendingAcceptance(IncomingMessage message, BlobRef blob, ContentSummary summary) {
}
