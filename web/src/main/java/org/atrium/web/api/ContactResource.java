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
import org.atrium.store.application.ContactData;
import org.atrium.store.application.ContactService;
import org.atrium.store.application.ContactView;
import org.atrium.store.application.StoreException;

/** External contacts in the domains' address books, published in the GAL (ADR 0017). */
@Path("contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {

    @Inject
    ContactService contacts;

    @GET
    public List<ContactView> list(@QueryParam("domain") String domain) {
        return contacts.contacts(domain == null || domain.isBlank() ? null : domain.strip());
    }

    /** 201 with the contact; 400 naming the field, 409 when the address is taken here. */
    @POST
    public Response add(ContactData body) {
        if (body == null || body.address() == null || body.address().isBlank()) {
            throw StoreException.invalid("address", "address is required");
        }
        return Response.status(201).entity(contacts.create(body)).build();
    }

    @GET
    @Path("{address}")
    public ContactView get(@PathParam("address") String address) {
        return contacts.contact(address).orElseThrow(() -> StoreException.notFound("no contact " + address));
    }

    /** Changes the fields sent; a missing field keeps its value, an empty one clears it. */
    @PUT
    @Path("{address}")
    public ContactView update(@PathParam("address") String address, ContactData body) {
        return contacts.update(address, body);
    }

    @DELETE
    @Path("{address}")
    public Response remove(@PathParam("address") String address) {
        contacts.remove(address);
        return Response.noContent().build();
    }
}
