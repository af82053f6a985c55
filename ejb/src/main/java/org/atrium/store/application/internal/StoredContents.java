package org.atrium.store.application.internal;

import java.time.Instant;
import org.atrium.store.application.ContentSummary;
import org.atrium.store.domain.BlobStore.BlobRef;
import org.atrium.store.domain.MessageContent;

/**
 * Makes the content row of a message whose blob is on disk and which was parsed once ({@link ContentSummary}): the
 * one way SMTP delivery and IMAP APPEND record content, so both index the same columns and keep the same metadata.
 */
final class StoredContents {

    private StoredContents() {
    }

    static MessageContent create(BlobRef blob, ContentSummary summary, int initialReferences, Instant now) {
        MessageContent content = new MessageContent(blob.hash(), blob.size(), summary.metadataJson(),
                initialReferences, now);
        content.describe(summary.sentDate(), summary.subject(), summary.from(), summary.to(), summary.messageId(),
                summary.inReplyTo());
        return content;
    }
}
