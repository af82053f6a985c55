package org.atrium.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.atrium.store.application.ClassOfServiceService;
import org.atrium.store.application.ClassOfServiceSpec;
import org.atrium.store.application.ClassOfServiceView;
import org.atrium.store.application.StoreException;

/**
 * The console's classes-of-service page (ADR 0016): the profiles with their quota, protocols, features and number of
 * users; creating one (as {@code POST /classes-of-service}) and removing one no user has (after a confirmation).
 * Assigning a profile is done in the user details dialog ({@link UsersBean}).
 */
@Named("cos")
@ViewScoped
public class ClassesOfServiceBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger("org.atrium.web.console");

    /** A profile as the table shows it. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final String description;
        private final String quota;
        private final String access;
        private final long users;

        Row(ClassOfServiceView c) {
            name = c.name();
            description = c.description() == null ? "" : c.description();
            quota = c.quotaBytes() != null || c.quotaMessages() != null
                    ? DomainsBean.quotaText(c.quotaBytes(), c.quotaMessages(), c.quotaWarnPercent())
                    : "domain default" + (c.quotaWarnPercent() == null ? "" : ", warn at " + c.quotaWarnPercent() + "%");
            access = access(c.imap(), c.pop3(), c.submission(), c.publicFolders(), c.delegation());
            users = c.users();
        }

        public String getName() {
            return name;
        }

        public String getDescription() {
            return description;
        }

        public String getQuota() {
            return quota;
        }

        /** The allowed protocols and features in words, e.g. {@code IMAP, public folders}. */
        public String getAccess() {
            return access;
        }

        public long getUsers() {
            return users;
        }
    }

    static String access(boolean imap, boolean pop3, boolean submission, boolean publicFolders, boolean delegation) {
        List<String> out = new ArrayList<>();
        if (imap) {
            out.add("IMAP");
        }
        if (pop3) {
            out.add("POP3");
        }
        if (submission) {
            out.add("SMTP submission");
        }
        if (publicFolders) {
            out.add("public folders");
        }
        if (delegation) {
            out.add("delegation");
        }
        return out.isEmpty() ? "nothing" : String.join(", ", out);
    }

    @Inject
    ClassOfServiceService classes;

    @Inject
    ConsoleSession session;

    @Inject
    ConsoleAudit audit;

    private List<Row> rows = List.of();
    private String name;
    private String description;
    private boolean imap = true;
    private boolean pop3 = true;
    private boolean submission = true;
    private boolean publicFolders = true;
    private boolean delegation = true;
    private final QuotaForm quota = new QuotaForm();

    @PostConstruct
    void load() {
        rows = classes.classesOfService().stream().map(Row::new).toList();
    }

    /** Creates the profile of the form; the service's refusal shows beside the field it names. */
    public void add() {
        String fields = "name=" + name + " " + quota.fields() + " imap=" + imap + " pop3=" + pop3 + " submission="
                + submission + " publicFolders=" + publicFolders + " delegation=" + delegation;
        try {
            ClassOfServiceView c = classes.create(new ClassOfServiceSpec(name, description, quota.bytes(),
                    quota.messages(), quota.warnPercent(), imap, pop3, submission, publicFolders, delegation));
            LOG.log(Level.INFO, "console: {0} created class of service {1}", session.getAddress(), c.name());
            audit.record(session.getAddress(), "POST", "/classes-of-service", 201, fields, null);
            ConsoleMessages.info("Class of service " + c.name() + " created.");
            name = null;
            description = null;
            quota.load(null, null, null);
            imap = pop3 = submission = publicFolders = delegation = true;
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "POST", "/classes-of-service", 201, fields, e);
            ConsoleMessages.refusal(e, "addCos", Set.of("name", "description"));
        }
    }

    /** Removes a profile no user has; the service says how many have it otherwise. */
    public void remove(String profile) {
        String resource = "/classes-of-service/" + profile;
        try {
            classes.remove(profile);
            LOG.log(Level.INFO, "console: {0} removed class of service {1}", session.getAddress(), profile);
            audit.record(session.getAddress(), "DELETE", resource, 204, null, null);
            ConsoleMessages.info("Class of service " + profile + " removed.");
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "DELETE", resource, 204, null, e);
            ConsoleMessages.refusal(e, "cosForm", Set.of());
        }
    }

    public List<Row> getRows() {
        return rows;
    }

    public QuotaForm getQuota() {
        return quota;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isImap() {
        return imap;
    }

    public void setImap(boolean imap) {
        this.imap = imap;
    }

    public boolean isPop3() {
        return pop3;
    }

    public void setPop3(boolean pop3) {
        this.pop3 = pop3;
    }

    public boolean isSubmission() {
        return submission;
    }

    public void setSubmission(boolean submission) {
        this.submission = submission;
    }

    public boolean isPublicFolders() {
        return publicFolders;
    }

    public void setPublicFolders(boolean publicFolders) {
        this.publicFolders = publicFolders;
    }

    public boolean isDelegation() {
        return delegation;
    }

    public void setDelegation(boolean delegation) {
        this.delegation = delegation;
    }
}
