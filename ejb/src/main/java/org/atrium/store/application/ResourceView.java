package org.atrium.store.application;

import java.time.Instant;

/**
 * A room or equipment (ADR 0017): a mailbox that receives mail and never logs in.
 *
 * @param type     {@code ROOM} or {@code EQUIPMENT}
 * @param capacity people it holds, null when not given
 * @param messages messages in its mailbox
 */
public record ResourceView(long id, String address, String domain, String displayName, String type,
                           Integer capacity, String location, boolean enabled, long messages, Instant createdAt) {
}
