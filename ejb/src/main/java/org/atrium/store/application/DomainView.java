package org.atrium.store.application;

import java.time.Instant;
import java.util.List;

/**
 * A domain as the interfaces see it, with the default quota of its accounts (null: none; issue #6).
 *
 * @param quotaWarnPercent the default warning level in percent; null: 90
 * @param aliases the domain's other names (domain aliases: mail to x@alias reaches x@name), sorted
 */
public record DomainView(long id, String name, Instant createdAt, long users, Long quotaBytes, Long quotaMessages,
        Integer quotaWarnPercent, List<String> aliases) {
}
