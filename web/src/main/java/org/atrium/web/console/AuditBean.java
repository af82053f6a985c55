package org.atrium.web.console;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.atrium.store.application.AuditEntry;
import org.atrium.store.application.AuditService;
import org.atrium.store.application.StoreException;
import org.primefaces.model.LazyDataModel;

/**
 * The console's audit log page (issue #6): administrative changes made through the REST API and the console, newest
 * first, filtered as {@code GET /audit} filters (actor, a time range in UTC, outcome) and paged on the server.
 * Reading the log is not itself audited.
 */
@Named("auditLog")
@ViewScoped
public class AuditBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The outcomes {@link AuditService#search} takes. */
    static final List<String> OUTCOMES = List.of("ok", "refused", "failed");

    /** An audited change as the table shows it (EL reads the components as methods). */
    public record Row(Instant at, String actor, String remote, String method, String resource, int status,
            String outcome, String detail) implements Serializable {

        static Row of(AuditEntry e) {
            return new Row(e.at(), e.actor(), e.remote(), e.method(), e.resource(), e.status(), e.outcome(),
                    e.detail());
        }
    }

    /** The filters of the search the table shows. */
    record Filter(String actor, Instant since, Instant until, String outcome) implements Serializable {
    }

    @Inject
    AuditService audit;

    private String actor;
    private LocalDateTime since;
    private LocalDateTime until;
    private String outcome;
    private Filter filter = new Filter(null, null, null, null);

    private final PeekModel<Row> model = new PeekModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        List<Row> fetch(int offset, int limit) {
            return audit.search(filter.actor(), filter.since(), filter.until(), filter.outcome(),
                    Math.min(limit, AuditService.MAX_LIMIT), offset).stream().map(Row::of).toList();
        }

        @Override
        public String getRowKey(Row row) {
            return row.at() + " " + row.method() + " " + row.resource();
        }
    };

    /** Applies the form's filters from the first page; a refusal of the service shows beside its field. */
    public void search() {
        Instant from = TrackingBean.utc(since);
        Instant to = TrackingBean.utc(until);
        if (from != null && to != null && !to.isAfter(from)) {
            FacesContext.getCurrentInstance().addMessage("auditForm:until", ConsoleInput
                    .invalid("The end of the range must be after its start.").getFacesMessage());
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        Filter f = new Filter(TrackingBean.clean(actor), from, to, TrackingBean.clean(outcome));
        try {
            audit.search(f.actor(), f.since(), f.until(), f.outcome(), 1, 0);
        } catch (StoreException e) {
            ConsoleMessages.refusal(e, "auditForm", Set.of("outcome"));
            return;
        }
        filter = f;
        model.reset();
        ConsoleTables.firstPage("auditForm:entries");
    }

    public LazyDataModel<Row> getModel() {
        return model;
    }

    public List<String> getOutcomes() {
        return OUTCOMES;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public LocalDateTime getSince() {
        return since;
    }

    public void setSince(LocalDateTime since) {
        this.since = since;
    }

    public LocalDateTime getUntil() {
        return until;
    }

    public void setUntil(LocalDateTime until) {
        this.until = until;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }
}
