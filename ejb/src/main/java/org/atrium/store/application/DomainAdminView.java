package org.atrium.store.application;

import java.time.Instant;

/**
 * One domain administrator (issue #6, ADR 0015): {@code address} administers {@code domain} since {@code grantedAt}.
 */
public record DomainAdminView(String domain, String address, Instant grantedAt) {
}
