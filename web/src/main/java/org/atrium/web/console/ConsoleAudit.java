package org.atrium.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import org.atrium.store.application.AuditEntry;
import org.atrium.store.application.AuditService;
import org.atrium.store.application.StoreException;

/**
 * Records the console's changes in the audit log as the REST API does (AuditFilter): the same resource paths and
 * statuses as the equivalent API call, with the detail {@code console}, the form's fields and the error code of a
 * refusal, so that a search finds a change whichever way it was made. Never a password.
 */
@ApplicationScoped
public class ConsoleAudit {

    private static final Logger LOG = System.getLogger("org.atrium.web.console");

    @Inject
    AuditService audit;

    /**
     * Records one change.
     *
     * @param status the status the API would have answered on success (201, 204)
     * @param fields what the form gave, as {@code name=value} pairs, never a secret; or null
     * @param refusal the service's refusal, or null when the change was made
     */
    void record(String actor, String method, String resource, int status, String fields, StoreException refusal) {
        int s = refusal == null ? status : status(refusal.code());
        String detail = "console" + (fields == null ? "" : " " + fields)
                + (refusal == null ? "" : " error=" + refusal.code());
        FacesContext fc = FacesContext.getCurrentInstance();
        String remote = fc != null && fc.getExternalContext().getRequest() instanceof HttpServletRequest r
                ? r.getRemoteAddr() : null;
        LOG.log(Level.INFO, "audit actor={0} remote={1} {2} {3} status={4} (console)", actor, remote, method,
                resource, String.valueOf(s));
        try {
            audit.record(new AuditEntry(Instant.now(), actor, remote, method, resource, s, null, detail));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "audit record lost for " + method + " " + resource + " by " + actor, e);
        }
    }

    /** The HTTP status the REST API answers for a refusal (StoreExceptionMapper). */
    static int status(StoreException.Code code) {
        return switch (code) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
        };
    }
}
