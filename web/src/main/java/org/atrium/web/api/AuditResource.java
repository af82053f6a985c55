package org.atrium.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.atrium.store.application.AuditEntry;
import org.atrium.store.application.AuditService;
import org.atrium.store.application.StoreException;

/**
 * The audit log of administrative changes (issue #6), newest first; administrators only ({@link AdminAuthFilter}).
 * Reading it is not itself audited: only changes are ({@link AuditFilter}).
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /** Rows answered when no {@code limit} is given. */
    static final int DEFAULT_LIMIT = 100;

    /** One audited change; {@code at} is an ISO-8601 instant in UTC (e.g. {@code 2026-12-01T23:57:06.123Z}). */
    public record AuditLine(String at, String actor, String remote, String method, String resource, int status,
            String outcome, String detail) {
        static AuditLine of(AuditEntry e) {
            return new AuditLine(e.at().toString(), e.actor(), e.remote(), e.method(), e.resource(), e.status(),
                    e.outcome(), e.detail());
        }
    }

    @Inject
    AuditService audit;

    /**
     * @param since only changes at or after this ISO-8601 instant ({@code 2026-12-01T10:00:00Z}, or with an offset)
     * @param until only changes before this instant
     * @param outcome {@code ok}, {@code refused} or {@code failed}
     * @param limit 1 to {@value AuditService#MAX_LIMIT} (more is lowered), default {@value #DEFAULT_LIMIT}
     */
    @GET
    public List<AuditLine> search(@QueryParam("actor") String actor, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("outcome") String outcome,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return audit.search(actor, instant("since", since), instant("until", until), outcome,
                number("limit", limit, DEFAULT_LIMIT), number("offset", offset, 0)).stream()
                .map(AuditLine::of).toList();
    }

    /** An ISO-8601 instant, {@code Z} or with an offset; null when absent; else refused naming {@code field}. */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException e2) {
                throw StoreException.invalid(field, field + " is an ISO-8601 instant, e.g. 2026-12-01T10:00:00Z");
            }
        }
    }

    /** A whole number; {@code absent} when not given; else refused naming {@code field}. */
    static int number(String field, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw StoreException.invalid(field, field + " is a whole number");
        }
    }
}
