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
import org.atrium.store.application.AccountDetails;
import org.atrium.store.application.AccountView;
import org.atrium.store.application.ClassOfServiceService;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.DomainAdminService;
import org.atrium.store.application.NewAccount;
import org.atrium.store.application.StoreException;

/**
 * Accounts (users with a mailbox). Domain administrators (ADR 0015) see and change the accounts of their domains
 * only, never a global administrator's nor one that administers a domain they do not, and create no administrators.
 */
@DomainScoped
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

    /** {@code {"enabled": false}} */
    public record Enabled(Boolean enabled) {
    }

    /**
     * {@code {"bytes": n|null, "messages": n|null, "warnPercent": n|null}}: a quota (storage in octets, a message
     * count, the warning level in percent); null or absent clears the value, so the next in the chain applies.
     */
    public record QuotaBody(Long bytes, Long messages, Integer warnPercent) {
    }

    /** {@code {"name": "imap-only"}}; null or absent removes the assignment (ADR 0016). */
    public record ClassOfServiceName(String name) {
    }

    /** {@code {"alias": "x@example.com"}} */
    public record NewAlias(String alias) {
    }

    @Inject
    DirectoryService directory;

    @Inject
    DomainAdminService domainAdmins;

    @Inject
    ClassOfServiceService classesOfService;

    @Context
    HttpServletRequest request;

    /** All accounts, or a domain's; a domain administrator's list holds its domains' accounts only. */
    @GET
    public List<AccountView> list(@QueryParam("domain") String domain) {
        AdminScope scope = AdminScope.of(request);
        if (domain != null && !domain.isBlank()) {
            scope.require(domain);
            return directory.accounts(domain);
        }
        List<AccountView> all = directory.accounts(domain);
        return scope.isGlobal() ? all : all.stream().filter(a -> scope.permitsAddress(a.address())).toList();
    }

    /**
     * The account with its aliases, quota (own and effective), usage, last login (issue #6) and the domains it
     * administers ({@code adminOfDomains}, ADR 0015).
     */
    @GET
    @Path("{address}")
    public AccountDetails get(@PathParam("address") String address) {
        AdminScope.of(request).requireAddress(address);
        return details(address);
    }

    private AccountDetails details(String address) {
        return directory.accountDetails(address).orElseThrow(() -> StoreException.notFound("no account " + address))
                .withAdminOfDomains(domainAdmins.domainsOf(address));
    }

    private void requireManageable(String address) {
        AdminScope.of(request).requireAccount(address, directory, domainAdmins);
    }

    /** Disables (no login on any protocol, mail refused 550 5.2.1) or enables the account. */
    @PUT
    @Path("{address}/enabled")
    public AccountDetails enabled(@PathParam("address") String address, Enabled body) {
        requireManageable(address);
        if (body == null || body.enabled() == null) {
            throw StoreException.invalid("enabled", "enabled is required (true or false)");
        }
        return directory.setEnabled(address, body.enabled());
    }

    @PUT
    @Path("{address}/quota")
    public AccountDetails quota(@PathParam("address") String address, QuotaBody body) {
        requireManageable(address);
        QuotaBody q = body == null ? new QuotaBody(null, null, null) : body;
        return directory.setQuota(address, q.bytes(), q.messages(), q.warnPercent());
    }

    /**
     * Assigns a class of service (ADR 0016), or with a null name removes it; 404 for an unknown profile. Global
     * administrators only: a profile can carry a larger quota than the domain's, which a domain administrator
     * (ADR 0015) must not hand out.
     */
    @PUT
    @Path("{address}/class-of-service")
    public AccountDetails classOfService(@PathParam("address") String address, ClassOfServiceName body) {
        AdminScope.of(request).requireGlobal();
        return classesOfService.assign(address, body == null ? null : body.name());
    }

    @POST
    @Path("{address}/aliases")
    public Response addAlias(@PathParam("address") String address, NewAlias body) {
        requireManageable(address);
        if (body == null || body.alias() == null || body.alias().isBlank()) {
            throw StoreException.invalid("alias", "alias is required");
        }
        AdminScope.of(request).requireAddress(body.alias()); // an alias takes an address of its domain
        directory.addAlias(body.alias(), address);
        return Response.status(201).entity(details(address)).build();
    }

    @DELETE
    @Path("{address}/aliases/{alias}")
    public Response removeAlias(@PathParam("address") String address, @PathParam("alias") String alias) {
        requireManageable(address);
        directory.removeAlias(alias, address);
        return Response.noContent().build();
    }

    @POST
    public Response add(NewUser u) {
        if (u == null || u.address() == null || u.address().isBlank()) {
            throw StoreException.invalid("address", "address is required");
        }
        AdminScope scope = AdminScope.of(request);
        scope.requireAddress(u.address());
        if (Boolean.TRUE.equals(u.admin())) {
            scope.requireGlobal();
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
        requireManageable(address);
        if (body == null || body.password() == null) {
            throw StoreException.invalid("password", "password is required");
        }
        directory.setPassword(address, body.password());
        return Response.noContent().build();
    }
}
