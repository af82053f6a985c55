package org.atrium.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.atrium.store.application.DomainAdminService;
import org.atrium.store.application.DomainAdminView;

/**
 * A hosted domain's administrators (issue #6, ADR 0015): users who manage its users, groups, public folders and
 * settings. Global administrators only: the class is not {@link DomainScoped}, so {@link AdminAuthFilter} refuses
 * domain administrators before they get here, and each method checks again. A class of its own beside
 * {@link DomainResource}, like {@link DkimResource}: the longer literal path wins (Jakarta REST §3.7.2).
 */
@Path("domains/{name}/admins")
@Produces(MediaType.APPLICATION_JSON)
public class DomainAdminResource {

    @Inject
    DomainAdminService domainAdmins;

    @Context
    HttpServletRequest request;

    /** The domain's administrators by address; 404 for an unknown domain. */
    @GET
    public List<DomainAdminView> list(@PathParam("name") String name) {
        AdminScope.of(request).requireGlobal();
        return domainAdmins.admins(name);
    }

    /** Makes the user {@code address} (of any domain) an administrator of the domain; idempotent. */
    @PUT
    @Path("{address}")
    public DomainAdminView grant(@PathParam("name") String name, @PathParam("address") String address) {
        AdminScope.of(request).requireGlobal();
        return domainAdmins.grant(name, address);
    }

    /** Takes the grant back; 404 when the user is not an administrator of the domain. */
    @DELETE
    @Path("{address}")
    public Response revoke(@PathParam("name") String name, @PathParam("address") String address) {
        AdminScope.of(request).requireGlobal();
        domainAdmins.revoke(name, address);
        return Response.noContent().build();
    }
}
