package org.atrium.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.atrium.store.application.PublicFolderService;
import org.atrium.store.application.PublicFolderView;
import org.atrium.store.application.StoreException;

/**
 * Public folders (ADR 0006). A folder is named by its {@code path} and its {@code tree}: absent or
 * {@code organisation} for the organisation's tree, else a domain with its own tree ({@code POST
 * /domains/{name}/public-tree}). Paths travel in query strings, URL-encoded, since they contain {@code /}.
 * Domain administrators (ADR 0015) manage their domains' trees; the organisation's tree is for global administrators,
 * except that a folder's owners change its permissions anywhere (the service checks their right).
 */
@DomainScoped
@Path("public-folders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PublicFolderResource {

    /** {@code {"path": "Projects/Apollo", "tree": null}} */
    public record NewFolder(String path, String tree) {
    }

    /** A role ({@code {"identifier": "x@y", "role": "Author"}}) or raw rights ({@code "rights", "ownRights"}). */
    public record PermissionChange(String identifier, String role, String rights, String ownRights) {
    }

    /** {@code {"address": "apollo@example.com", "displayName": "Apollo"}} */
    public record AddressChange(String address, String displayName) {
    }

    /** Levels in bytes; null: none. */
    public record QuotaChange(Long warnBytes, Long prohibitBytes) {
    }

    @Context
    HttpServletRequest request;

    @Inject
    PublicFolderService folders;

    /**
     * @throws StoreException forbidden unless the caller is a global administrator or, for a domain's own tree, that
     *         domain's administrator
     */
    private void requireTree(String tree) {
        AdminScope scope = AdminScope.of(request);
        if (organisation(tree)) {
            scope.requireGlobal();
        } else {
            scope.require(tree);
        }
    }

    private static boolean organisation(String tree) {
        return tree == null || tree.isBlank() || tree.strip().equalsIgnoreCase(PublicFolderService.ORGANISATION);
    }

    @GET
    public List<PublicFolderView> list(@QueryParam("tree") String tree) {
        requireTree(tree);
        return folders.list(tree);
    }

    @POST
    public Response create(NewFolder body) {
        if (body == null || body.path() == null || body.path().isBlank()) {
            throw StoreException.invalid("path", "path is required");
        }
        requireTree(body.tree());
        return Response.status(201).entity(folders.create(body.tree(), body.path())).build();
    }

    @DELETE
    public Response delete(@QueryParam("path") String path, @QueryParam("tree") String tree,
            @QueryParam("force") boolean force) {
        requireTree(tree);
        folders.delete(tree, path, force);
        return Response.noContent().build();
    }

    @PUT
    @Path("permissions")
    public PublicFolderView permit(@QueryParam("path") String path, @QueryParam("tree") String tree,
            PermissionChange body) {
        if (body == null) {
            throw StoreException.invalid("identifier", "identifier is required");
        }
        return folders.permit(tree, path, body.identifier(), body.role(), body.rights(), body.ownRights(),
                actor(tree));
    }

    /**
     * Null for an administrator of the tree (global, or of the tree's domain); else the folder owner acting (see
     * {@link AdminAuthFilter#permissionsPath}), whose right the service checks.
     */
    private String actor(String tree) {
        AdminScope scope = AdminScope.of(request);
        if (scope.isGlobal() || !organisation(tree) && scope.permits(tree)) {
            return null;
        }
        Object user = request.getAttribute(AdminAuthFilter.USER_PROPERTY);
        if (user == null) {
            throw StoreException.forbidden("administrators only"); // never let an unknown caller act as one
        }
        return (String) user;
    }

    @DELETE
    @Path("permissions")
    public Response unpermit(@QueryParam("path") String path, @QueryParam("tree") String tree,
            @QueryParam("identifier") String identifier) {
        folders.unpermit(tree, path, identifier, actor(tree));
        return Response.noContent().build();
    }

    @PUT
    @Path("address")
    public PublicFolderView address(@QueryParam("path") String path, @QueryParam("tree") String tree,
            AddressChange body) {
        if (body == null || body.address() == null || body.address().isBlank()) {
            throw StoreException.invalid("address", "address is required");
        }
        requireTree(tree);
        AdminScope.of(request).requireAddress(body.address()); // the folder takes an address of that domain
        return folders.setAddress(tree, path, body.address(), body.displayName());
    }

    @DELETE
    @Path("address")
    public Response removeAddress(@QueryParam("path") String path, @QueryParam("tree") String tree) {
        requireTree(tree);
        folders.removeAddress(tree, path);
        return Response.noContent().build();
    }

    @PUT
    @Path("quota")
    public PublicFolderView quota(@QueryParam("path") String path, @QueryParam("tree") String tree,
            QuotaChange body) {
        requireTree(tree);
        return folders.setQuota(tree, path, body == null ? null : body.warnBytes(),
                body == null ? null : body.prohibitBytes());
    }
}
