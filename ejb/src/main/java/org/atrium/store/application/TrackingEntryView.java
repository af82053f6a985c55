package org.atrium.store.application;

import java.time.Instant;

/** One tracking record (see {@code TrackingEvent}). */
public record TrackingEntryView(long id, Instant at, String event, String queueId, String messageId, String sender,
        String recipient, String remote, String detail) {
}
