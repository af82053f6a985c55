package org.atrium.store.application;

/** A message the store has taken responsibility for: its queue entry is committed. */
public record AcceptedMessage(long id, String queueId) {
}
