package org.atrium.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.DomainView;
import org.atrium.store.application.StoreException;

/**
 * The console's domains page: the hosted domains, adding one, removing an empty one (after a confirmation), and the
 * default quota of a domain's accounts that have none of their own (storage, messages, warning level; an empty field
 * clears the value, as null does in {@code PUT /domains/{name}/quota}).
 */
@Named("domains")
@ViewScoped
public class DomainsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger("org.atrium.web.console");

    /** A domain as the table shows it. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final long users;
        private final Instant createdAt;
        private final String aliases;
        private final String quota;

        Row(DomainView d) {
            name = d.name();
            users = d.users();
            createdAt = d.createdAt();
            aliases = String.join(", ", d.aliases());
            quota = quotaText(d.quotaBytes(), d.quotaMessages(), d.quotaWarnPercent());
        }

        /** The default quota in words: {@code 2 G, 10000 messages, warn at 80%}, or "server default". */
        public String getQuota() {
            return quota;
        }

        public String getName() {
            return name;
        }

        public long getUsers() {
            return users;
        }

        public Instant getCreatedAt() {
            return createdAt;
        }

        public String getAliases() {
            return aliases;
        }
    }

    @Inject
    DirectoryService directory;

    @Inject
    ConsoleSession session;

    @Inject
    ConsoleAudit audit;

    private List<Row> all = List.of();
    private List<Row> rows = new ArrayList<>();
    private String search;
    private String name;
    private String quotaDomain;
    private final QuotaForm quota = new QuotaForm();

    @PostConstruct
    void load() {
        all = directory.domains().stream().map(Row::new).toList();
        searchChanged();
    }

    /** Creates the domain of the form; the service's refusal shows beside the name field. */
    public void add() {
        try {
            DomainView d = directory.createDomain(name);
            LOG.log(Level.INFO, "console: {0} created domain {1}", session.getAddress(), d.name());
            audit.record(session.getAddress(), "POST", "/domains", 201, "name=" + name, null);
            ConsoleMessages.info("Domain " + d.name() + " created.");
            name = null;
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "POST", "/domains", 201, "name=" + name, e);
            ConsoleMessages.refusal(e, "addDomain", Set.of("name"));
        }
    }

    /** Removes an empty domain; the service says why not otherwise. */
    public void remove(String domain) {
        try {
            directory.removeDomain(domain);
            LOG.log(Level.INFO, "console: {0} removed domain {1}", session.getAddress(), domain);
            audit.record(session.getAddress(), "DELETE", "/domains/" + domain, 204, null, null);
            ConsoleMessages.info("Domain " + domain + " removed.");
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "DELETE", "/domains/" + domain, 204, null, e);
            ConsoleMessages.refusal(e, "domainsForm", Set.of());
        }
    }

    /** Opens the quota dialog on a domain, filled with its current default quota. */
    public void editQuota(String domain) {
        quotaDomain = domain;
        directory.domain(domain).ifPresent(d -> quota.load(d.quotaBytes(), d.quotaMessages(), d.quotaWarnPercent()));
    }

    /** Saves the dialog's default quota; the service's refusal shows beside the field it names. */
    public void saveQuota() {
        String resource = "/domains/" + quotaDomain + "/quota";
        String fields = quota.fields();
        try {
            DomainView d = directory.setDomainQuota(quotaDomain, quota.bytes(), quota.messages(), quota.warnPercent());
            LOG.log(Level.INFO, "console: {0} set the default quota of {1}", session.getAddress(), d.name());
            audit.record(session.getAddress(), "PUT", resource, 200, fields, null);
            ConsoleMessages.info("Default quota of " + d.name() + " saved: "
                    + quotaText(d.quotaBytes(), d.quotaMessages(), d.quotaWarnPercent()) + ".");
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "PUT", resource, 200, fields, e);
            ConsoleMessages.refusal(e, "quotaForm", Set.of("bytes", "messages", "warnPercent"));
        }
    }

    /** A quota in words for the tables and confirmations. */
    static String quotaText(Long bytes, Long messages, Integer warnPercent) {
        if (bytes == null && messages == null) {
            return warnPercent == null ? "server default" : "server default, warn at " + warnPercent + "%";
        }
        StringBuilder sb = new StringBuilder();
        if (bytes != null) {
            sb.append(ByteSize.format(bytes));
        }
        if (messages != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append(messages).append(" messages");
        }
        if (warnPercent != null) {
            sb.append(", warn at ").append(warnPercent).append('%');
        }
        return sb.toString();
    }

    public String getQuotaDomain() {
        return quotaDomain;
    }

    public QuotaForm getQuota() {
        return quota;
    }

    /** The search changed (or the domains did): those whose name or aliases contain it (a list the table sorts). */
    public void searchChanged() {
        rows = new ArrayList<>(ConsoleInput.matching(all, search, r -> r.getName() + " " + r.getAliases()));
    }

    /** The search field changed: its rows, from the first page. */
    public void searched() {
        searchChanged();
        ConsoleTables.firstPage("domainsForm:domains");
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
