package org.atrium.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.GroupView;
import org.atrium.store.application.StoreException;

/** Distribution groups (also usable as identifiers of folder permissions, ADR 0006). */
@Path("groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupResource {

    /** {@code {"address": "team@example.com", "displayName": "Team", "members": [...], "membersOnly": false}} */
    public record NewGroup(String address, String displayName, List<String> members, Boolean membersOnly) {
    }

    @Inject
    DirectoryService directory;

    @GET
    public List<GroupView> list(@QueryParam("domain") String domain) {
        return directory.groups(domain == null || domain.isBlank() ? null : domain.strip());
    }

    @POST
    public Response add(NewGroup body) {
        if (body == null || body.address() == null || body.address().isBlank()) {
            throw StoreException.invalid("address", "address is required");
        }
        GroupView created = directory.createGroup(body.address(), body.displayName(), body.members(),
                Boolean.TRUE.equals(body.membersOnly()));
        return Response.status(201).entity(created).build();
    }
}
