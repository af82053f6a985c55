package org.atrium.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import org.atrium.store.application.AuditEntry;
import org.atrium.store.application.AuditService;

/**
 * Writes every request that changes something (POST, PUT, PATCH, DELETE) to the audit log (issue #6), refused ones
 * too: who (the address {@link AdminAuthFilter} signed in; when nobody was signed in, the login tried, if any, with
 * the detail saying {@code unauthenticated}), from where, the method and resource, the status, and the body's fields
 * with secrets masked ({@link AuditDetail}). Also one INFO line per change for operators; never a password.
 *
 * <p>The record is written by {@link AuditService#record} in its own transaction after the change's own has ended,
 * so a refusal that rolled the change back is still recorded; a failing record is logged and never turns the
 * answer into an error, since the change it describes has already happened.
 */
@Provider
@Priority(Priorities.USER)
public class AuditFilter implements ContainerResponseFilter {

    private static final Logger LOG = System.getLogger("org.atrium.web.audit");

    @Inject
    AuditService audit;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext res) {
        String method = req.getMethod();
        if (!AuditBodyFilter.CHANGING.contains(method)) {
            return;
        }
        String actor = signedIn(req);
        boolean authenticated = actor != null;
        if (!authenticated) {
            actor = AdminAuthFilter.login(req.getHeaderString(HttpHeaders.AUTHORIZATION)).orElse(null);
        }
        String query = AuditDetail.redactedQuery(req.getUriInfo().getRequestUri().getRawQuery());
        String path = req.getUriInfo().getPath();
        String resource = (path.startsWith("/") ? path : "/" + path) + (query == null ? "" : "?" + query);
        int status = res.getStatus();
        String detail = AuditDetail.describe((byte[]) req.getProperty(AuditBodyFilter.BODY_PROPERTY),
                Boolean.TRUE.equals(req.getProperty(AuditBodyFilter.TRUNCATED_PROPERTY)),
                res.getEntity() instanceof ApiError e ? e : null);
        if (!authenticated) {
            detail = detail == null ? "unauthenticated" : "unauthenticated " + detail;
        }
        String remote = request == null ? null : request.getRemoteAddr();
        LOG.log(Level.INFO, "audit actor={0} remote={1} {2} {3} status={4}",
                actor == null ? "-" : AuditDetail.printable(actor), remote, method,
                AuditDetail.printable(resource), String.valueOf(status));
        try {
            // The outcome is the service's to derive from the status.
            audit.record(new AuditEntry(Instant.now(), actor, remote, method, resource, status, null, detail));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "audit record lost for " + method + " " + AuditDetail.printable(resource) + " by "
                    + (actor == null ? "-" : AuditDetail.printable(actor)), e);
        }
    }

    private static String signedIn(ContainerRequestContext req) {
        Object admin = req.getProperty(AdminAuthFilter.ADMIN_PROPERTY);
        Object user = admin != null ? admin : req.getProperty(AdminAuthFilter.USER_PROPERTY);
        return user instanceof String s ? s : null;
    }
}
