package org.atrium.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.atrium.store.application.StoreException;
import org.atrium.store.application.TrackingEntryView;
import org.atrium.store.application.TrackingQuery;
import org.atrium.store.application.TrackingService;
import org.atrium.store.domain.TrackingEvent;

/**
 * Message tracking (issue #6): what happened to which message for whom, newest first; administrators only. Reading
 * is not audited. Addresses and the message id match case-insensitively and exactly (the message id with or
 * without its angle brackets), the queue id exactly.
 */
@Path("tracking")
@Produces(MediaType.APPLICATION_JSON)
public class TrackingResource {

    /** Rows answered when no {@code limit} is given. */
    static final int DEFAULT_LIMIT = 100;

    /** One tracking record; {@code at} is an ISO-8601 instant in UTC; {@code event} a kind such as DELIVERED. */
    public record TrackingLine(long id, String at, String event, String queueId, String messageId, String sender,
            String recipient, String remote, String detail) {
        static TrackingLine of(TrackingEntryView e) {
            return new TrackingLine(e.id(), e.at() == null ? null : e.at().toString(), e.event(), e.queueId(),
                    e.messageId(), e.sender(), e.recipient(), e.remote(), e.detail());
        }
    }

    @Inject
    TrackingService tracking;

    /**
     * @param from only records at or after this ISO-8601 instant
     * @param to only records before this instant
     * @param outcome an event kind: RECEIVED, DELIVERED, RELAYED, DEFERRED, DELAYED, FAILED, EXPIRED, DELETED,
     *        DSN_SENT, EXPUNGED (case ignored)
     * @param limit 1 to 1000 (more is lowered), default {@value #DEFAULT_LIMIT}
     */
    @GET
    public List<TrackingLine> search(@QueryParam("sender") String sender, @QueryParam("recipient") String recipient,
            @QueryParam("messageId") String messageId, @QueryParam("queueId") String queueId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("outcome") String outcome,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Instant f = AuditResource.instant("from", from);
        Instant t = AuditResource.instant("to", to);
        if (f != null && t != null && f.isAfter(t)) {
            throw StoreException.invalid("to", "to is before from");
        }
        int l = AuditResource.number("limit", limit, DEFAULT_LIMIT);
        if (l < 1) {
            throw StoreException.invalid("limit", "limit is at least 1");
        }
        int o = AuditResource.number("offset", offset, 0);
        if (o < 0) {
            throw StoreException.invalid("offset", "offset is at least 0");
        }
        TrackingQuery q = new TrackingQuery(blankIsNull(sender), blankIsNull(recipient), blankIsNull(messageId),
                blankIsNull(queueId), f, t, outcome(outcome), o, l);
        return tracking.search(q).stream().map(TrackingLine::of).toList();
    }

    /** An event kind's name (case ignored), null when absent; else refused naming {@code outcome}. */
    static String outcome(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TrackingEvent.Kind.valueOf(value.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("outcome", "outcome is one of " + Arrays.toString(TrackingEvent.Kind.values()));
        }
    }

    private static String blankIsNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
