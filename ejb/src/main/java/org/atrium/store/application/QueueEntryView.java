package org.atrium.store.application;

import java.time.Instant;
import java.util.List;

/**
 * One outbound queue entry: a message for the recipients of one destination domain.
 *
 * @param queueId the id quoted in logs, tracking records and the admin tools
 * @param sender the reverse-path, "" for a DSN
 * @param domain the destination domain
 * @param recipients the recipients still pending
 * @param state QUEUED (due), DEFERRED (waiting for {@code nextAttempt}), SENDING (an attempt is running)
 * @param attempts attempts made so far
 * @param lastReply the last remote reply or failure description, null before the first attempt
 * @param nextAttempt when it is tried next
 * @param expiresAt when it is given up and bounced
 */
public record QueueEntryView(String queueId, String sender, String domain, List<String> recipients, State state,
        long size, String messageId, Instant receivedAt, int attempts, String lastReply, Instant nextAttempt,
        Instant expiresAt) {

    public enum State { QUEUED, DEFERRED, SENDING }

    public QueueEntryView {
        recipients = List.copyOf(recipients);
    }
}
