package org.atrium.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.atrium.store.application.DkimKeyView;
import org.atrium.store.application.DkimService;

/**
 * A hosted domain's DKIM key (RFC 6376 §3.6, ADR 0013): the TXT record the administrator publishes, and its rotation.
 * A class of its own beside {@link DomainResource}: JAX-RS picks the root resource whose path template has the most
 * literal characters (Jakarta REST §3.7.2), so {@code domains/{name}/dkim} is served here and nothing else under
 * {@code domains} is. The rotation is a POST and so audited by {@link AuditFilter} like every other change. The
 * domain's administrators (ADR 0015) may read and rotate too.
 */
@DomainScoped
@Path("domains/{name}/dkim")
@Produces(MediaType.APPLICATION_JSON)
public class DkimResource {

    @Inject
    DkimService dkim;

    @Context
    HttpServletRequest request;

    /** The active key's selector and DNS record (a key is generated on the first call); 404 for an unknown domain. */
    @GET
    public DkimKeyView get(@PathParam("name") String name) {
        AdminScope.of(request).require(name);
        return dkim.key(name);
    }

    /**
     * Retires the active key and makes a new one under a new selector; publish the new record before mail signed
     * with it arrives, and keep the old one published for a few days.
     */
    @POST
    @Path("rotate")
    public DkimKeyView rotate(@PathParam("name") String name) {
        AdminScope.of(request).require(name);
        return dkim.rotate(name);
    }
}
