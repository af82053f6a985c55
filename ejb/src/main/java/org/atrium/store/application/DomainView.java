package org.atrium.store.application;

import java.time.Instant;

/** A domain as the interfaces see it. */
public record DomainView(long id, String name, Instant createdAt, long users) {
}
