package org.atrium.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.atrium.store.application.AccountView;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.DomainAdminService;

/**
 * HTTP Basic authentication (RFC 7617) against the directory for the admin API: only accounts with the administrator
 * role pass, except that a user may manage their own mailbox grants ({@code users/<own address>/grants...},
 * self-service delegation, ADR 0006). Domain administrators (ADR 0015) reach the resource classes marked
 * {@link DomainScoped}, and only those: each of their methods checks the {@link AdminScope} this filter leaves in the
 * request ({@link AdminScope#DOMAINS_PROPERTY}). The health endpoint (load balancers) and {@code openapi.yaml} are
 * open. Passwords are checked by the directory's slow hash and never logged.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {

    static final String ADMIN_PROPERTY = "atrium.admin";

    /** The signed-in user who is not an administrator, on the few resources users may call themselves. */
    static final String USER_PROPERTY = "atrium.user";

    @Inject
    DirectoryService directory;

    @Inject
    DomainAdminService domainAdmins;

    @Context
    HttpServletRequest request;

    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if (openPath(path)) {
            return;
        }
        Optional<AccountView> admin = credentials(ctx.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(c -> directory.authenticate(c[0], c[1], request.getRemoteAddr(), "http"));
        if (admin.isEmpty()) {
            ctx.abortWith(Response.fromResponse(StoreExceptionMapper.error(401, "UNAUTHORIZED",
                    "authentication required", null)).header(HttpHeaders.WWW_AUTHENTICATE,
                    "Basic realm=\"Atrium\", charset=\"UTF-8\"").build());
            return;
        }
        // Set before the 403 check too: the audit log names who was refused (AuditFilter).
        String address = admin.get().address();
        List<String> adminOf = List.of();
        if (admin.get().admin()) {
            ctx.setProperty(ADMIN_PROPERTY, address);
        } else {
            ctx.setProperty(USER_PROPERTY, address);
            adminOf = domainAdmins.domainsOf(address);
            if (!adminOf.isEmpty()) {
                ctx.setProperty(AdminScope.DOMAINS_PROPERTY, adminOf);
            }
        }
        Class<?> resource = resourceInfo == null ? null : resourceInfo.getResourceClass();
        if (!permitted(admin.get().admin(), !adminOf.isEmpty(), resource, path, ctx.getMethod(), address)) {
            ctx.abortWith(StoreExceptionMapper.error(403, "FORBIDDEN", "administrators only", null));
        }
    }

    /**
     * The filter's decision (ADR 0015): a global administrator reaches everything; a domain administrator the
     * {@link DomainScoped} resource classes, which check the domain themselves; everyone signed in their own grants
     * and, except for reading, the permissions of public folders (their owners, ADR 0006), where the services check.
     *
     * @param resource the matched resource class, or null (then only the path rules apply)
     */
    static boolean permitted(boolean globalAdmin, boolean domainAdmin, Class<?> resource, String path, String method,
            String address) {
        if (globalAdmin) {
            return true;
        }
        if (domainAdmin && resource != null && resource.isAnnotationPresent(DomainScoped.class)) {
            return true;
        }
        return ownGrantsPath(path, address) || permissionsPath(path) && !"GET".equals(method);
    }

    /** The resources anyone may read: health (load balancers) and the API's description (OpenAPI). */
    static boolean openPath(String path) {
        String p = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
        return p.equals("health") || p.equals(OpenApiResource.YAML);
    }

    /** The login name of a Basic {@code Authorization} header (RFC 7617 §2), never its password; empty if none. */
    static Optional<String> login(String header) {
        return credentials(header).map(c -> c[0]).filter(l -> !l.isBlank());
    }

    /**
     * Whether {@code path} (relative to the API root, decoded) is one of the grant resources of {@code address}:
     * {@code users/<address>/grants} and the resources directly below it. The address compares case-insensitively.
     */
    static boolean ownGrantsPath(String path, String address) {
        if (path == null || address == null) {
            return false;
        }
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        String[] segments = p.split("/", -1);
        return (segments.length == 3 || segments.length == 4) && segments[0].equals("users")
                && segments[1].equalsIgnoreCase(address) && segments[2].equals("grants")
                && (segments.length == 3 || !segments[3].isEmpty());
    }

    /**
     * Whether {@code path} is the permissions resource of public folders, which a folder's owners (users holding its
     * {@code a} right) may change themselves; the service checks that right (ADR 0006).
     */
    static boolean permissionsPath(String path) {
        if (path == null) {
            return false;
        }
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals("public-folders/permissions") || p.equals("public-folders/permissions/");
    }

    private static Optional<String[]> credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
