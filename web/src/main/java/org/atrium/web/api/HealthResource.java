package org.atrium.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.atrium.store.application.DirectoryService;

/** {@code GET /api/v1/health}: 200 when the store answers, 503 otherwise. Open to load balancers. */
@Path("health")
public class HealthResource {

    @Inject
    DirectoryService directory;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        try {
            int domains = directory.domains().size();
            return Response.ok(Map.of("status", "UP", "domains", domains)).build();
        } catch (RuntimeException e) {
            return Response.status(503).entity(Map.of("status", "DOWN", "reason", "store unavailable")).build();
        }
    }
}
