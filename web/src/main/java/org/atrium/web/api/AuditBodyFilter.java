package org.atrium.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Set;

/**
 * Keeps the first {@value #KEPT} bytes of the entity of every changing request (POST, PUT, PATCH, DELETE) for
 * {@link AuditFilter}, without consuming it: the bytes read are put back in front of the rest of the stream, so the
 * resource reads the whole entity as sent. Runs before matching and before authentication, so that refused requests
 * (401, 403, 404) are described too. Only these few KiB are held, whatever the entity's size.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class AuditBodyFilter implements ContainerRequestFilter {

    /** The most bytes kept for the audit detail; a longer entity is noted as not shown. */
    static final int KEPT = 4096;

    static final String BODY_PROPERTY = "atrium.audit.body";
    static final String TRUNCATED_PROPERTY = "atrium.audit.truncated";

    static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    public void filter(ContainerRequestContext ctx) throws IOException {
        // Not ctx.hasEntity(): implementations may answer from the media type alone; an empty stream reads nothing.
        InputStream in = CHANGING.contains(ctx.getMethod()) ? ctx.getEntityStream() : null;
        if (in == null) {
            return;
        }
        byte[] head = in.readNBytes(KEPT + 1);
        if (head.length == 0) {
            return;
        }
        ctx.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(head), in));
        boolean truncated = head.length > KEPT;
        ctx.setProperty(BODY_PROPERTY, truncated ? Arrays.copyOf(head, KEPT) : head);
        ctx.setProperty(TRUNCATED_PROPERTY, truncated);
    }
}
