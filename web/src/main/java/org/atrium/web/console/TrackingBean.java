package org.atrium.web.console;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.atrium.store.application.StoreException;
import org.atrium.store.application.TrackingEntryView;
import org.atrium.store.application.TrackingQuery;
import org.atrium.store.application.TrackingService;
import org.primefaces.model.LazyDataModel;

/**
 * The console's message tracking page (issue #6): what happened to messages (received, delivered, relayed, deferred,
 * bounced ...), searched by sender, recipient, Message-ID, queue id, a time range (UTC, as every instant the console
 * shows) and outcome, newest first and paged on the server. Reading is not audited: only changes are.
 */
@Named("tracking")
@ViewScoped
public class TrackingBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The outcomes offered: the names of {@code TrackingEvent.Kind}, which the service takes. */
    static final List<String> OUTCOMES = List.of("RECEIVED", "DELIVERED", "RELAYED", "DEFERRED", "DELAYED", "FAILED",
            "EXPIRED", "DELETED", "DSN_SENT", "EXPUNGED");

    /** A record as the table shows it (EL reads the components as methods: {@code #{t.event()}}). */
    public record Row(long id, Instant at, String event, String queueId, String messageId, String sender,
            String recipient, String remote, String detail) implements Serializable {

        static Row of(TrackingEntryView t) {
            return new Row(t.id(), t.at(), t.event(), t.queueId(), t.messageId(), t.sender(), t.recipient(),
                    t.remote(), t.detail());
        }
    }

    @Inject
    TrackingService tracking;

    private String sender;
    private String recipient;
    private String messageId;
    private String queueId;
    private LocalDateTime from;
    private LocalDateTime to;
    private String outcome;
    private boolean searched;

    /** The search the results show: set by {@link #search}, so that paging keeps the search that was made. */
    private Criteria criteria = Criteria.NONE;

    /** The form's fields as the search was made; {@link #query} turns them into the service's query. */
    record Criteria(String sender, String recipient, String messageId, String queueId, Instant from, Instant to,
            String outcome) implements Serializable {

        static final Criteria NONE = new Criteria(null, null, null, null, null, null, null);

        /** Blank fields do not restrict; the rest without surrounding blanks; {@code <>} is the null sender. */
        static Criteria of(String sender, String recipient, String messageId, String queueId, Instant from,
                Instant to, String outcome) {
            String s = clean(sender);
            return new Criteria("<>".equals(s) ? "" : s, clean(recipient), clean(messageId), clean(queueId), from,
                    to, clean(outcome));
        }

        TrackingQuery query(int offset, int limit) {
            return new TrackingQuery(sender, recipient, messageId, queueId, from, to, outcome, offset, limit);
        }
    }

    private final PeekModel<Row> model = new PeekModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        List<Row> fetch(int offset, int limit) {
            if (!searched) {
                return List.of();
            }
            return tracking.search(criteria.query(offset, limit)).stream().map(Row::of).toList();
        }

        @Override
        public String getRowKey(Row row) {
            return Long.toString(row.id());
        }
    };

    static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The time range's start as an instant (the fields are UTC wall time). */
    static Instant utc(LocalDateTime t) {
        return ConsoleInput.instant(t, ZoneOffset.UTC);
    }

    /** Runs the form's search from the first page; the service's refusal shows above the results. */
    public void search() {
        Instant f = utc(from);
        Instant t = utc(to);
        if (f != null && t != null && !t.isAfter(f)) {
            FacesContext.getCurrentInstance().addMessage("trackingForm:to", ConsoleInput
                    .invalid("The end of the range must be after its start.").getFacesMessage());
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        criteria = Criteria.of(sender, recipient, messageId, queueId, f, t, outcome);
        searched = true;
        model.reset();
        ConsoleTables.firstPage("trackingForm:results");
        try {
            // Ask once here, so that a refusal shows as a message rather than breaking the table's rendering.
            tracking.search(criteria.query(0, 1));
        } catch (StoreException e) {
            searched = false;
            ConsoleMessages.refusal(e, "trackingForm", Set.of("sender", "recipient", "messageId",
                    "queueId", "from", "to", "outcome"));
        }
    }

    /** Empties the form and the results. */
    public void clear() {
        sender = recipient = messageId = queueId = outcome = null;
        from = to = null;
        criteria = Criteria.NONE;
        searched = false;
        model.reset();
    }

    /** Checks an address field as it is typed: empty, or an address ({@code <>} for the null sender is allowed). */
    public void validateAddress(FacesContext fc, UIComponent component, Object value) {
        String s = value == null ? "" : value.toString().strip();
        if (!s.isEmpty() && !s.equals("<>")) {
            ConsoleInput.address(s);
        }
    }

    public LazyDataModel<Row> getModel() {
        return model;
    }

    public boolean isSearched() {
        return searched;
    }

    public List<String> getOutcomes() {
        return OUTCOMES;
    }

    public String getSender() {
        return sender;
    }

    public void setSender(String sender) {
        this.sender = sender;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public String getQueueId() {
        return queueId;
    }

    public void setQueueId(String queueId) {
        this.queueId = queueId;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }
}
