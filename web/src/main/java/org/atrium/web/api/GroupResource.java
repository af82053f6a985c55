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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.GroupView;
import org.atrium.store.application.StoreException;

/**
 * Distribution groups (also usable as identifiers of folder permissions, ADR 0006). Domain administrators (ADR 0015)
 * manage the groups whose address is in their domains; members may be any address.
 */
@DomainScoped
@Path("groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupResource {

    /** {@code {"address": "team@example.com", "displayName": "Team", "members": [...], "membersOnly": false}} */
    public record NewGroup(String address, String displayName, List<String> members, Boolean membersOnly) {
    }

    /** {@code {"displayName": "Team", "membersOnly": true}}; a missing field leaves that setting as it is. */
    public record GroupSettings(String displayName, Boolean membersOnly) {
    }

    /** {@code {"member": "someone@example.com"}} */
    public record NewMember(String member) {
    }

    @Inject
    DirectoryService directory;

    @Context
    HttpServletRequest request;

    @GET
    public List<GroupView> list(@QueryParam("domain") String domain) {
        AdminScope scope = AdminScope.of(request);
        if (domain != null && !domain.isBlank()) {
            scope.require(domain);
            return directory.groups(domain.strip());
        }
        List<GroupView> all = directory.groups(null);
        return scope.isGlobal() ? all : all.stream().filter(g -> scope.permitsAddress(g.address())).toList();
    }

    @POST
    public Response add(NewGroup body) {
        if (body == null || body.address() == null || body.address().isBlank()) {
            throw StoreException.invalid("address", "address is required");
        }
        AdminScope.of(request).requireAddress(body.address());
        GroupView created = directory.createGroup(body.address(), body.displayName(), body.members(),
                Boolean.TRUE.equals(body.membersOnly()));
        return Response.status(201).entity(created).build();
    }

    /** The group with its members and which of them are groups ({@code nestedGroups}); 404 when unknown. */
    @GET
    @Path("{address}")
    public GroupView get(@PathParam("address") String address) {
        AdminScope.of(request).requireAddress(address);
        return directory.group(address).orElseThrow(() -> StoreException.notFound("no group " + address));
    }

    /** Changes the display name and/or whether only members may send. */
    @PUT
    @Path("{address}")
    public GroupView update(@PathParam("address") String address, GroupSettings body) {
        AdminScope.of(request).requireAddress(address);
        if (body == null || body.displayName() == null && body.membersOnly() == null) {
            throw StoreException.invalid("displayName", "displayName or membersOnly is required");
        }
        return directory.updateGroup(address, body.displayName(), body.membersOnly());
    }

    /** Adds a member; 409 (field {@code member}) for the group itself, a nesting loop or a member already there. */
    @POST
    @Path("{address}/members")
    public Response addMember(@PathParam("address") String address, NewMember body) {
        AdminScope.of(request).requireAddress(address);
        if (body == null || body.member() == null || body.member().isBlank()) {
            throw StoreException.invalid("member", "member is required");
        }
        return Response.status(201).entity(directory.addGroupMember(address, body.member())).build();
    }

    @DELETE
    @Path("{address}/members/{member}")
    public Response removeMember(@PathParam("address") String address, @PathParam("member") String member) {
        AdminScope.of(request).requireAddress(address);
        directory.removeGroupMember(address, member);
        return Response.noContent().build();
    }

    /** Deletes the group; 409 while a public folder's permissions name it. */
    @DELETE
    @Path("{address}")
    public Response remove(@PathParam("address") String address) {
        AdminScope.of(request).requireAddress(address);
        directory.removeGroup(address);
        return Response.noContent().build();
    }
}
