package org.atrium.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.DomainView;
import org.atrium.store.application.PublicFolderService;
import org.atrium.store.application.StoreException;

/**
 * Hosted domains. Domain administrators (ADR 0015) see and set up their own domains; adding and removing domains is
 * for global administrators.
 */
@DomainScoped
@Path("domains")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DomainResource {

    /** {@code {"name": "example.com"}} */
    public record NewDomain(String name) {
    }

    /** {@code {"alias": "example.net"}} */
    public record NewAlias(String alias) {
    }

    /** {@code {"address": "info@example.com"}}: where mail to unknown addresses of the domain goes. */
    public record CatchAll(String address) {
    }

    @Inject
    DirectoryService directory;

    @Inject
    PublicFolderService publicFolders;

    @Context
    HttpServletRequest request;

    /** The hosted domains; a domain administrator's list holds its own. */
    @GET
    public List<DomainView> list() {
        AdminScope scope = AdminScope.of(request);
        List<DomainView> all = directory.domains();
        return scope.isGlobal() ? all : all.stream().filter(d -> scope.permits(d.name())).toList();
    }

    private void require(String name) {
        AdminScope.of(request).require(name);
    }

    /** The domain with the default quota of its accounts and its aliases. */
    @GET
    @Path("{name}")
    public DomainView get(@PathParam("name") String name) {
        require(name);
        return directory.domain(name).orElseThrow(() -> StoreException.notFound("no domain " + name));
    }

    /** Sets the default quota of accounts without their own; body as for a user's quota, null clears. */
    @PUT
    @Path("{name}/quota")
    public DomainView quota(@PathParam("name") String name, UserResource.QuotaBody body) {
        require(name);
        UserResource.QuotaBody q = body == null ? new UserResource.QuotaBody(null, null, null) : body;
        return directory.setDomainQuota(name, q.bytes(), q.messages(), q.warnPercent());
    }

    @POST
    public Response add(NewDomain body) {
        AdminScope.of(request).requireGlobal();
        if (body == null || body.name() == null || body.name().isBlank()) {
            throw StoreException.invalid("name", "name is required");
        }
        return Response.status(201).entity(directory.createDomain(body.name())).build();
    }

    /** Gives the domain its own public folder tree (ADR 0006); 409 when it has one. */
    @POST
    @Path("{name}/public-tree")
    public Response publicTree(@PathParam("name") String name) {
        require(name);
        return Response.status(201).entity(publicFolders.createDomainTree(name)).build();
    }

    /** Another name of the domain: mail to x@alias reaches x@name; 409 when the name is hosted or taken. */
    @POST
    @Path("{name}/aliases")
    public Response addAlias(@PathParam("name") String name, NewAlias body) {
        require(name);
        if (body == null || body.alias() == null || body.alias().isBlank()) {
            throw StoreException.invalid("alias", "alias is required");
        }
        return Response.status(201).entity(directory.addDomainAlias(name, body.alias())).build();
    }

    @DELETE
    @Path("{name}/aliases/{alias}")
    public Response removeAlias(@PathParam("name") String name, @PathParam("alias") String alias) {
        require(name);
        directory.removeDomainAlias(name, alias);
        return Response.noContent().build();
    }

    /**
     * Sends mail to unknown addresses of the domain to {@code address} (ADR 0012): an existing address here, or one
     * outside; 400 otherwise. Answers the domain, which shows it as {@code catchAll}.
     */
    @PUT
    @Path("{name}/catch-all")
    public DomainView setCatchAll(@PathParam("name") String name, CatchAll body) {
        require(name);
        if (body == null || body.address() == null || body.address().isBlank()) {
            throw StoreException.invalid("address", "address is required (DELETE turns the catch-all off)");
        }
        return directory.setCatchAll(name, body.address());
    }

    /** Turns the catch-all off: unknown addresses of the domain are refused again. */
    @DELETE
    @Path("{name}/catch-all")
    public DomainView removeCatchAll(@PathParam("name") String name) {
        require(name);
        return directory.setCatchAll(name, null);
    }

    /** Deletes an empty domain; 409 listing what is left otherwise (there is no forced removal). */
    @DELETE
    @Path("{name}")
    public Response remove(@PathParam("name") String name) {
        AdminScope.of(request).requireGlobal();
        directory.removeDomain(name);
        return Response.noContent().build();
    }
}
