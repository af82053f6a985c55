package org.atrium.store.application;

import java.time.Instant;

/**
 * One audited change as the interfaces see it (issue #6).
 *
 * @param actor the signed-in address, or the login tried when authentication failed, or null
 * @param remote the client's IP address
 * @param resource the path below the API root with its query string
 * @param outcome {@code ok}, {@code refused} (4xx) or {@code failed} (5xx)
 * @param detail the request's fields with secrets replaced by {@code ***}, and the error code of a refusal
 */
public record AuditEntry(Instant at, String actor, String remote, String method, String resource, int status,
        String outcome, String detail) {
}
