package org.atrium.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.atrium.store.application.QueueEntryView;
import org.atrium.store.application.QueueService;
import org.atrium.store.application.QueueStats;
import org.atrium.store.application.StoreException;
import org.primefaces.model.LazyDataModel;

/**
 * The console's outbound queue page (issue #4, #6): the entries, oldest first, filtered by state and paged on the
 * server, with why each waits (last reply) and when it is tried next; retry now, and after a confirmation delete (no
 * notice to the sender) or bounce (a DSN to the sender, RFC 3464). Changes are audited under the paths of the queue's
 * REST resource ({@code /queue/{id}}).
 */
@Named("queue")
@ViewScoped
public class QueueBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger("org.atrium.web.console");

    /** An entry as the table shows it (EL reads the components as methods: {@code #{e.queueId()}}). */
    public record Row(String queueId, String sender, String domain, String recipients, int recipientCount,
            String state, String size, Instant receivedAt, int attempts, String lastReply, Instant nextAttempt,
            Instant expiresAt) implements Serializable {

        static Row of(QueueEntryView e) {
            return new Row(e.queueId(), e.sender().isEmpty() ? "<>" : e.sender(), e.domain(),
                    String.join(", ", e.recipients()), e.recipients().size(), e.state().name(),
                    ByteSize.format(e.size()), e.receivedAt(), e.attempts(), e.lastReply(), e.nextAttempt(),
                    e.expiresAt());
        }
    }

    @Inject
    QueueService queue;

    @Inject
    ConsoleSession session;

    @Inject
    ConsoleAudit audit;

    private String state;
    private transient QueueStats stats;

    private final PeekModel<Row> model = new PeekModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        List<Row> fetch(int offset, int limit) {
            return queue.list(state(), offset, limit).stream().map(Row::of).toList();
        }

        @Override
        public String getRowKey(Row row) {
            return row.queueId();
        }
    };

    /** The state filter as the service takes it; null for all (an unknown name too). */
    QueueEntryView.State state() {
        if (state == null || state.isBlank()) {
            return null;
        }
        for (QueueEntryView.State s : QueueEntryView.State.values()) {
            if (s.name().equals(state)) {
                return s;
            }
        }
        return null;
    }

    public LazyDataModel<Row> getModel() {
        return model;
    }

    /** The queue in numbers, above the table. */
    public QueueStats getStats() {
        if (stats == null) {
            stats = queue.stats();
        }
        return stats;
    }

    /** The filter changed: start again at the first page. */
    public void filterChanged() {
        stats = null;
        model.reset();
        ConsoleTables.firstPage("queueForm:entries");
    }

    /** Makes a deferred entry due now. */
    public void retry(String queueId) {
        String resource = "/queue/" + queueId + "/retry";
        try {
            queue.retryNow(queueId);
            LOG.log(Level.INFO, "console: {0} retried queue entry {1}", session.getAddress(), queueId);
            audit.record(session.getAddress(), "POST", resource, 200, null, null);
            ConsoleMessages.info("Entry " + queueId + " is tried again now.");
        } catch (StoreException e) {
            audit.record(session.getAddress(), "POST", resource, 200, null, e);
            ConsoleMessages.refusal(e, "queueForm", Set.of());
        }
    }

    /** Removes an entry without telling the sender (after a confirmation). */
    public void delete(String queueId) {
        String resource = "/queue/" + queueId;
        try {
            queue.delete(queueId);
            LOG.log(Level.INFO, "console: {0} deleted queue entry {1}", session.getAddress(), queueId);
            audit.record(session.getAddress(), "DELETE", resource, 204, null, null);
            ConsoleMessages.info("Entry " + queueId + " deleted; the sender was not told.");
            stats = null;
        } catch (StoreException e) {
            audit.record(session.getAddress(), "DELETE", resource, 204, null, e);
            ConsoleMessages.refusal(e, "queueForm", Set.of());
        }
    }

    /** Gives up on an entry now: its pending recipients fail with a DSN to the sender (after a confirmation). */
    public void bounce(String queueId) {
        String resource = "/queue/" + queueId + "/bounce";
        try {
            queue.bounce(queueId);
            LOG.log(Level.INFO, "console: {0} bounced queue entry {1}", session.getAddress(), queueId);
            audit.record(session.getAddress(), "POST", resource, 200, null, null);
            ConsoleMessages.info("Entry " + queueId + " bounced; the sender gets a delivery status notification.");
            stats = null;
        } catch (StoreException e) {
            audit.record(session.getAddress(), "POST", resource, 200, null, e);
            ConsoleMessages.refusal(e, "queueForm", Set.of());
        }
    }

    public List<String> getStates() {
        return Arrays.stream(QueueEntryView.State.values()).map(Enum::name).toList();
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }
}
