package org.atrium.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.atrium.store.application.ResourceData;
import org.atrium.store.application.ResourceService;
import org.atrium.store.application.ResourceView;
import org.atrium.store.application.StoreException;

/**
 * Rooms and equipment (ADR 0017): mailboxes that receive mail and never log in. Their mail is read by delegates
 * granted through {@code /users/{address}/grants}.
 */
@Path("resources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResourceResource {

    @Inject
    ResourceService resources;

    @GET
    public List<ResourceView> list(@QueryParam("domain") String domain, @QueryParam("type") String type) {
        return resources.resources(domain == null || domain.isBlank() ? null : domain.strip(), type);
    }

    /** 201 with the resource; 400 naming the field, 409 when the address is taken here. */
    @POST
    public Response add(ResourceData body) {
        if (body == null || body.address() == null || body.address().isBlank()) {
            throw StoreException.invalid("address", "address is required");
        }
        return Response.status(201).entity(resources.create(body)).build();
    }

    @GET
    @Path("{address}")
    public ResourceView get(@PathParam("address") String address) {
        return resources.resource(address).orElseThrow(() -> StoreException.notFound("no resource " + address));
    }

    /** Changes the fields sent; a missing field keeps its value. */
    @PUT
    @Path("{address}")
    public ResourceView update(@PathParam("address") String address, ResourceData body) {
        return resources.update(address, body);
    }

    /** Deletes the resource; 409 while its mailbox holds messages (ADR 0017). */
    @DELETE
    @Path("{address}")
    public Response remove(@PathParam("address") String address) {
        resources.remove(address);
        return Response.noContent().build();
    }
}
