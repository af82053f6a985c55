package org.atrium.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.atrium.store.application.AccountView;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.NewAccount;
import org.atrium.store.application.StoreException;

/** Accounts (users with a mailbox). */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    /** A new user; {@code address} and {@code password} are required. */
    public record NewUser(String address, String password, String displayName, String givenName, String surname,
            String department, String title, String phone, String office, Boolean admin) {
    }

    /** {@code {"password": "..."}} */
    public record NewPassword(String password) {
    }

    @Inject
    DirectoryService directory;

    @GET
    public List<AccountView> list(@QueryParam("domain") String domain) {
        return directory.accounts(domain);
    }

    @GET
    @Path("{address}")
    public AccountView get(@PathParam("address") String address) {
        return directory.account(address).orElseThrow(() -> StoreException.notFound("no account " + address));
    }

    @POST
    public Response add(NewUser u) {
        if (u == null || u.address() == null || u.address().isBlank()) {
            throw StoreException.invalid("address", "address is required");
        }
        if (u.password() == null) {
            throw StoreException.invalid("password", "password is required");
        }
        AccountView created = directory.createAccount(new NewAccount(u.address(), u.password(), u.displayName(),
                u.givenName(), u.surname(), u.department(), u.title(), u.phone(), u.office(),
                Boolean.TRUE.equals(u.admin())));
        return Response.status(201).entity(created).build();
    }

    @PUT
    @Path("{address}/password")
    public Response password(@PathParam("address") String address, NewPassword body) {
        if (body == null || body.password() == null) {
            throw StoreException.invalid("password", "password is required");
        }
        directory.setPassword(address, body.password());
        return Response.noContent().build();
    }
}
