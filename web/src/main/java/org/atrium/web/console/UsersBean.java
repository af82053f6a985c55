package org.atrium.web.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.atrium.store.application.AccountDetails;
import org.atrium.store.application.AccountPage;
import org.atrium.store.application.AccountView;
import org.atrium.store.application.ClassOfServiceService;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.NewAccount;
import org.atrium.store.application.StoreException;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The console's users page: a lazily loaded table (one page per request from {@link DirectoryService#accountPage}),
 * searched by address or name and sorted on the server, and the "add user" dialog, whose fields are checked as they
 * are left and whose refusals from the service show beside the field they name. A user's details dialog shows the
 * mailbox size, message count and last login ({@link DirectoryService#accountDetails}) and sets the user's own quota,
 * which overrides the domain default (an empty field clears it, as null does in {@code PUT /users/{a}/quota}).
 */
@Named("users")
@ViewScoped
public class UsersBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger("org.atrium.web.console");

    /** A user as the table shows it. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String address;
        private final String displayName;
        private final boolean admin;
        private final boolean enabled;
        private final Instant createdAt;
        private final Instant lastLoginAt;

        Row(AccountView a) {
            address = a.address();
            displayName = a.displayName();
            admin = a.admin();
            enabled = a.enabled();
            createdAt = a.createdAt();
            lastLoginAt = a.lastLoginAt();
        }

        public String getAddress() {
            return address;
        }

        public String getDisplayName() {
            return displayName;
        }

        public boolean isAdmin() {
            return admin;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public Instant getCreatedAt() {
            return createdAt;
        }

        public Instant getLastLoginAt() {
            return lastLoginAt;
        }
    }

    /** The table's rows, a page at a time; the search field filters, the column headers sort. */
    final class Model extends LazyDataModel<Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, directory.accountPage(search, null, false, 0, 1).total());
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            String sort = null;
            boolean descending = false;
            for (SortMeta m : sortBy.values()) {
                if (m.getOrder() != SortOrder.UNSORTED) {
                    sort = m.getField();
                    descending = m.getOrder() == SortOrder.DESCENDING;
                    break;
                }
            }
            AccountPage page = directory.accountPage(search, sort, descending, Math.max(0, first),
                    Math.max(1, Math.min(1000, pageSize)));
            setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
            return page.rows().stream().map(Row::new).toList();
        }

        @Override
        public String getRowKey(Row row) {
            return row.getAddress();
        }

        @Override
        public Row getRowData(String rowKey) {
            return directory.account(rowKey).map(Row::new).orElse(null);
        }
    }

    @Inject
    DirectoryService directory;

    @Inject
    ConsoleSession session;

    @Inject
    ConsoleAudit audit;

    private final Model model = new Model();
    private String search;
    private String address;
    private String displayName;
    private String password;
    private transient AccountDetails details; // the dialog's user; the record is not serializable
    private final QuotaForm quota = new QuotaForm();
    private String classOfService; // the dialog's selection; "" for none

    @Inject
    ClassOfServiceService classesOfService;

    /** Opens the details dialog on a user, its quota fields filled with the user's own values. */
    public void select(String user) {
        details = directory.accountDetails(user).orElse(null);
        if (details != null) {
            quota.load(details.quotaBytes(), details.quotaMessages(), details.quotaWarnPercent());
            classOfService = details.classOfService() == null ? "" : details.classOfService();
        }
    }

    /** Assigns the dialog's class of service (ADR 0016), or none, as {@code PUT /users/{a}/class-of-service}. */
    public void saveClassOfService() {
        if (details == null) {
            return;
        }
        String resource = "/users/" + details.address() + "/class-of-service";
        String name = classOfService == null || classOfService.isBlank() ? null : classOfService;
        String fields = "name=" + (name == null ? "null" : name);
        try {
            details = classesOfService.assign(details.address(), name);
            LOG.log(Level.INFO, "console: {0} set the class of service of {1} to {2}", session.getAddress(),
                    details.address(), name == null ? "none" : name);
            audit.record(session.getAddress(), "PUT", resource, 200, fields, null);
            ConsoleMessages.info("Class of service of " + details.address() + " saved.");
        } catch (StoreException e) {
            audit.record(session.getAddress(), "PUT", resource, 200, fields, e);
            ConsoleMessages.refusal(e, "details", Set.of());
        }
    }

    /** The names of all classes of service, for the dialog's selector. */
    public List<String> getClassesOfService() {
        return classesOfService.classesOfService().stream().map(c -> c.name()).toList();
    }

    public String getClassOfService() {
        return classOfService;
    }

    public void setClassOfService(String classOfService) {
        this.classOfService = classOfService;
    }

    /** Where the effective storage limit comes from, for the dialog: "(class of service x)" and so on. */
    public String getQuotaSource() {
        return details == null ? "" : quotaSource(details.effectiveQuotaBytesSource(), details.classOfService());
    }

    static String quotaSource(String source, String classOfService) {
        if (source == null) {
            return "";
        }
        return switch (source) {
            case "account" -> "own quota";
            case "classOfService" -> "class of service " + classOfService;
            case "domain" -> "domain default";
            case "server" -> "server default";
            default -> "no limit";
        };
    }

    /** Saves the dialog's quota as the user's own; the service's refusal shows beside the field it names. */
    public void saveQuota() {
        if (details == null) {
            return;
        }
        String resource = "/users/" + details.address() + "/quota";
        String fields = quota.fields();
        try {
            details = directory.setQuota(details.address(), quota.bytes(), quota.messages(), quota.warnPercent());
            LOG.log(Level.INFO, "console: {0} set the quota of {1}", session.getAddress(), details.address());
            audit.record(session.getAddress(), "PUT", resource, 200, fields, null);
            ConsoleMessages.info("Quota of " + details.address() + " saved.");
        } catch (StoreException e) {
            audit.record(session.getAddress(), "PUT", resource, 200, fields, e);
            ConsoleMessages.refusal(e, "details", Set.of("bytes", "messages", "warnPercent"));
        }
    }

    /** The selected user's details (null before one is selected). */
    public AccountDetails getDetails() {
        return details;
    }

    public QuotaForm getQuota() {
        return quota;
    }

    /** The selected user's aliases, comma-separated ("none" without). */
    public String getAliases() {
        return details == null || details.aliases().isEmpty() ? "none" : String.join(", ", details.aliases());
    }

    /** The mailbox size and what it may reach: {@code 12 M of 2 G (1%)}, or {@code 12 M (no limit)}. */
    public String getUsage() {
        return details == null ? "" : usage(details.usedBytes(), details.effectiveQuotaBytes(), true);
    }

    /** The message count and its limit, as {@link #getUsage}. */
    public String getMessageUsage() {
        return details == null ? "" : usage(details.messageCount(), details.effectiveQuotaMessages(), false);
    }

    static String usage(long used, Long limit, boolean bytes) {
        String u = bytes ? ByteSize.format(used) : Long.toString(used);
        if (limit == null) {
            return u + " (no limit)";
        }
        String l = bytes ? ByteSize.format(limit) : Long.toString(limit);
        long percent = limit == 0 ? 100 : Math.min(999, Math.round(used * 100.0 / limit));
        return u + " of " + l + " (" + percent + "%)";
    }

    public LazyDataModel<Row> getModel() {
        return model;
    }

    /**
     * Checks the new user's address as it is typed (on blur): an address, in a hosted domain, not taken by an account.
     * Aliases and groups are the service's to refuse when the form is sent.
     */
    public void validateAddress(FacesContext fc, UIComponent component, Object value) {
        String a = value == null ? "" : value.toString().trim().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1 || a.indexOf('@') != at || a.chars().anyMatch(Character::isWhitespace)) {
            throw invalid("Not an address: expected name@domain.");
        }
        String domain = a.substring(at + 1);
        if (directory.domain(domain).isEmpty()) {
            throw invalid("Domain " + domain + " is not hosted here.");
        }
        if (directory.account(a).isPresent()) {
            throw invalid("An account " + a + " exists already.");
        }
    }

    /** Checks the new password's length as the service does (NewAccount: 8 to 1024 characters). */
    public void validatePassword(FacesContext fc, UIComponent component, Object value) {
        int n = value == null ? 0 : value.toString().length();
        if (n < 8 || n > 1024) {
            throw invalid("The password needs 8 to 1024 characters.");
        }
    }

    private static ValidatorException invalid(String text) {
        return new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** Creates the user of the dialog; the service's refusal shows beside the field it names. */
    public void add() {
        String pw = password;
        password = null;
        String fields = "address=" + address + " displayName=" + displayName + " password=***";
        try {
            String name = displayName == null || displayName.isBlank() ? null : displayName.trim();
            AccountView a = directory.createAccount(new NewAccount(address == null ? null : address.trim(), pw, name,
                    null, null, null, null, null, null, false));
            LOG.log(Level.INFO, "console: {0} created user {1}", session.getAddress(), a.address());
            audit.record(session.getAddress(), "POST", "/users", 201, fields, null);
            ConsoleMessages.info("User " + a.address() + " created.");
            address = null;
            displayName = null;
        } catch (StoreException e) {
            audit.record(session.getAddress(), "POST", "/users", 201, fields, e);
            ConsoleMessages.refusal(e, "addUser", Set.of("address", "password", "displayName"));
        }
    }

    /** A new search starts on the first page. */
    public void searchChanged() {
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent("usersForm:users");
        if (table instanceof DataTable t) {
            t.setFirst(0);
        }
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
