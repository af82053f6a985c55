package org.atrium.store.application;

import java.time.Instant;

/**
 * A domain as the interfaces see it, with the default quota of its accounts (null: none; issue #6).
 *
 * @param quotaWarnPercent the default warning level in percent; null: 90
 */
public record DomainView(long id, String name, Instant createdAt, long users, Long quotaBytes, Long quotaMessages,
        Integer quotaWarnPercent) {
}
