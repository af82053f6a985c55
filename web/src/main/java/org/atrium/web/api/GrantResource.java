package org.atrium.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
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
import org.atrium.store.application.ClassOfServiceService;
import org.atrium.store.application.DelegationService;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.DomainAdminService;
import org.atrium.store.application.GrantView;
import org.atrium.store.application.StoreException;

/**
 * A user's mailbox grants (ADR 0006): whole-mailbox access and the sending grants. Open to administrators and to the
 * user themselves (self-service delegation, see {@link AdminAuthFilter}) unless the user's class of service denies
 * delegation (ADR 0016: 403 for a PUT that gives anything; taking grants back stays possible), and to the
 * administrators of the owner's domain (ADR 0015), who change only the grants of accounts they may manage.
 */
@DomainScoped
@Path("users/{address}/grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GrantResource {

    /** {@code {"access": "READ", "sendAs": false, "sendOnBehalf": true}}; an absent field keeps its value. */
    public record GrantChange(String access, Boolean sendAs, Boolean sendOnBehalf) {
    }

    @Inject
    DelegationService delegation;

    @Inject
    DirectoryService directory;

    @Inject
    DomainAdminService domainAdmins;

    @Inject
    ClassOfServiceService classesOfService;

    @Context
    HttpServletRequest request;

    private void requireReader(String owner) {
        AdminScope.of(request).requireSelfOrAddress(owner);
    }

    private void requireWriter(String owner) {
        AdminScope scope = AdminScope.of(request);
        if (scope.caller() != null && owner != null && scope.caller().equalsIgnoreCase(owner.strip())) {
            return; // self-service
        }
        scope.requireAccount(owner, directory, domainAdmins);
    }

    @GET
    public List<GrantView> given(@PathParam("address") String owner) {
        requireReader(owner);
        return delegation.given(owner);
    }

    /** The grants others gave this user. */
    @GET
    @Path("received")
    public List<GrantView> received(@PathParam("address") String grantee) {
        requireReader(grantee);
        return delegation.received(grantee);
    }

    /** One grant; 404 when the owner gave the grantee none. */
    @GET
    @Path("{grantee}")
    public GrantView get(@PathParam("address") String owner, @PathParam("grantee") String grantee) {
        requireReader(owner);
        return delegation.given(owner).stream().filter(g -> g.grantee().equalsIgnoreCase(grantee.strip()))
                .findFirst().orElseThrow(() -> StoreException.notFound(owner + " gave " + grantee + " no grant"));
    }

    @PUT
    @Path("{grantee}")
    public GrantView set(@PathParam("address") String owner, @PathParam("grantee") String grantee,
            GrantChange body) {
        requireWriter(owner);
        GrantChange b = body == null ? new GrantChange(null, null, null) : body;
        boolean grants = b.access() != null && !b.access().strip().equalsIgnoreCase("NONE")
                || Boolean.TRUE.equals(b.sendAs()) || Boolean.TRUE.equals(b.sendOnBehalf());
        // ADR 0016: a user whose class of service denies delegation may take grants back but give none himself;
        // an administrator (global, or of the owner's domain, ADR 0015) still may give them for him.
        AdminScope scope = AdminScope.of(request);
        boolean selfService = !scope.isGlobal() && scope.caller() != null
                && scope.caller().equalsIgnoreCase(owner.strip());
        if (grants && selfService && !classesOfService.mayDelegate(owner)) {
            throw StoreException.forbidden("your class of service does not allow delegating your mailbox");
        }
        return delegation.set(owner, grantee, b.access(), b.sendAs(), b.sendOnBehalf());
    }

    @DELETE
    @Path("{grantee}")
    public Response remove(@PathParam("address") String owner, @PathParam("grantee") String grantee) {
        requireWriter(owner);
        delegation.remove(owner, grantee);
        return Response.noContent().build();
    }
}
