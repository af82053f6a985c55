package org.atrium.store.application;

import java.time.Instant;
import java.util.List;

/**
 * A domain as the interfaces see it, with the default quota of its accounts (null: none; issue #6).
 *
 * @param quotaWarnPercent the default warning level in percent; null: 90
 * @param aliases the domain's other names (domain aliases: mail to x@alias reaches x@name), sorted
 * @param catchAll where mail to unknown addresses of the domain goes (ADR 0012); null: it is refused
 */
public record DomainView(long id, String name, Instant createdAt, long users, Long quotaBytes, Long quotaMessages,
        Integer quotaWarnPercent, List<String> aliases, String catchAll) {

    /** A domain without a catch-all. */
    public DomainView(long id, String name, Instant createdAt, long users, Long quotaBytes, Long quotaMessages,
            Integer quotaWarnPercent, List<String> aliases) {
        this(id, name, createdAt, users, quotaBytes, quotaMessages, quotaWarnPercent, aliases, null);
    }
}
