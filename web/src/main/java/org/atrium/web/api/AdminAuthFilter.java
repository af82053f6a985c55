package org.atrium.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.atrium.store.application.AccountView;
import org.atrium.store.application.DirectoryService;

/**
 * HTTP Basic authentication (RFC 7617) against the directory for the admin API: only accounts with the administrator
 * role pass, except that a user may manage their own mailbox grants ({@code users/<own address>/grants...},
 * self-service delegation, ADR 0006). The health endpoint (load balancers) and {@code openapi.yaml} are open.
 * Passwords are checked by the directory's slow hash and never logged.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {

    static final String ADMIN_PROPERTY = "atrium.admin";

    /** The signed-in user who is not an administrator, on the few resources users may call themselves. */
    static final String USER_PROPERTY = "atrium.user";

    @Inject
    DirectoryService directory;

    @Context
    HttpServletRequest request;

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
        if (admin.get().admin()) {
            ctx.setProperty(ADMIN_PROPERTY, admin.get().address());
        } else {
            ctx.setProperty(USER_PROPERTY, admin.get().address());
        }
        boolean ownerPermissions = permissionsPath(path) && !ctx.getMethod().equals("GET");
        if (!admin.get().admin() && !ownGrantsPath(path, admin.get().address()) && !ownerPermissions) {
            ctx.abortWith(StoreExceptionMapper.error(403, "FORBIDDEN", "administrators only", null));
        }
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
