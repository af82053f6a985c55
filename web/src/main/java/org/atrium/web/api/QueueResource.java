package org.atrium.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.atrium.store.application.QueueEntryView;
import org.atrium.store.application.QueueService;
import org.atrium.store.application.StoreException;

/**
 * The outbound queue (issue #4, #6): list, show, retry now, bounce (a DSN to the sender, RFC 3464) and delete (no
 * notice); administrators only ({@link AdminAuthFilter}); every change is audited ({@link AuditFilter}). An unknown id
 * is 404 for every operation: it is looked up first, so the answer does not depend on how the service refuses.
 */
@Path("queue")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    /** Entries answered when no {@code limit} is given. */
    static final int DEFAULT_LIMIT = 100;

    /** The most entries one page answers; more is lowered. */
    static final int MAX_LIMIT = 1000;

    @Inject
    QueueService queue;

    /**
     * @param state {@code queued}, {@code deferred} or {@code sending} (case ignored); absent for all
     * @param limit 1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}
     */
    @GET
    public List<QueueEntryView> list(@QueryParam("state") String state, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        int l = AuditResource.number("limit", limit, DEFAULT_LIMIT);
        if (l < 1) {
            throw StoreException.invalid("limit", "limit is at least 1");
        }
        int o = AuditResource.number("offset", offset, 0);
        if (o < 0) {
            throw StoreException.invalid("offset", "offset is at least 0");
        }
        return queue.list(state(state), o, Math.min(l, MAX_LIMIT));
    }

    /** One entry; 404 when there is none with this id (delivered, bounced, deleted, or never). */
    @GET
    @Path("{id}")
    public QueueEntryView get(@PathParam("id") String id) {
        return queue.entry(id).orElseThrow(() -> StoreException.notFound("no queue entry " + id));
    }

    /** Makes the entry due now and wakes the delivery agent; answers the entry as it is then. */
    @POST
    @Path("{id}/retry")
    public QueueEntryView retry(@PathParam("id") String id) {
        get(id);
        return queue.retryNow(id);
    }

    /** Gives up now: every pending recipient fails, with a DSN to the sender. */
    @POST
    @Path("{id}/bounce")
    public Response bounce(@PathParam("id") String id) {
        get(id);
        queue.bounce(id);
        return Response.noContent().build();
    }

    /** Removes the entry without telling the sender. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        get(id);
        queue.delete(id);
        return Response.noContent().build();
    }

    /** A state name (case ignored), null when absent; else refused naming {@code state}. */
    static QueueEntryView.State state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return QueueEntryView.State.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("state", "state is one of "
                    + Arrays.toString(QueueEntryView.State.values()).toLowerCase(Locale.ROOT));
        }
    }
}
