package org.atrium.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.DomainView;
import org.atrium.store.application.StoreException;

/** The console's domains page: the hosted domains, adding one, removing an empty one (after a confirmation). */
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

        Row(DomainView d) {
            name = d.name();
            users = d.users();
            createdAt = d.createdAt();
            aliases = String.join(", ", d.aliases());
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

    private List<Row> rows;
    private String name;

    @PostConstruct
    void load() {
        rows = directory.domains().stream().map(Row::new).toList();
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

    public List<Row> getRows() {
        return rows;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
