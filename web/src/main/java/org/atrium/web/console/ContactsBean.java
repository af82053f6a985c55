package org.atrium.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.atrium.store.application.ContactData;
import org.atrium.store.application.ContactService;
import org.atrium.store.application.ContactView;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.DomainView;
import org.atrium.store.application.StoreException;

/**
 * The console's contacts page (ADR 0017): the external contacts of the domains' address books (searched by address,
 * name or company, sorted and paged in the table), adding one to a hosted domain's address book (its address is
 * checked as it is typed: an address outside the hosted domains that no contact has), changing its fields and
 * deleting it after a confirmation. Every change is audited as the REST API's {@code /contacts} calls would be.
 */
@Named("contacts")
@ViewScoped
public class ContactsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger("org.atrium.web.console");
    private static final Set<String> FIELDS = Set.of("address", "domain", "displayName", "company", "phone",
            "mobile", "title", "department");
    private static final Set<String> EDIT_FIELDS = Set.of("displayName", "company", "phone", "mobile", "title",
            "department");

    /** A contact as the table shows it. */
    public record Row(String address, String displayName, String company, String phone, String domain)
            implements Serializable {

        static Row of(ContactView c) {
            return new Row(c.address(), c.displayName(), c.company(), c.phone(), c.domain());
        }

        public String getAddress() {
            return address;
        }

        public String getDisplayName() {
            return displayName;
        }

        public String getCompany() {
            return company;
        }

        public String getPhone() {
            return phone;
        }

        public String getDomain() {
            return domain;
        }
    }

    /** The fields of the add and edit dialogs. */
    public static final class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private String address;
        private String domain;
        private String displayName;
        private String company;
        private String phone;
        private String mobile;
        private String title;
        private String department;

        void load(ContactView c) {
            address = c.address();
            domain = c.domain();
            displayName = c.displayName();
            company = c.company();
            phone = c.phone();
            mobile = c.mobile();
            title = c.title();
            department = c.department();
        }

        /**
         * The service's arguments: on create a blank field is absent (null); on update it is an empty string, which
         * clears the field, and the address and domain are not sent (the service ignores them).
         */
        ContactData data(boolean create) {
            return new ContactData(create ? strip(address, true) : null, create ? strip(domain, true) : null,
                    strip(displayName, create), null, null, strip(company, create), strip(department, create),
                    strip(title, create), strip(phone, create), strip(mobile, create), null);
        }

        private static String strip(String s, boolean blankIsNull) {
            if (s == null || s.isBlank()) {
                return blankIsNull ? null : "";
            }
            return s.strip();
        }

        /** The form as the audit's {@code name=value} pairs. */
        String fields(boolean create) {
            ContactData d = data(create);
            return (create ? "address=" + d.address() + " domain=" + d.domain() + " " : "")
                    + "displayName=" + d.displayName() + " company=" + d.company() + " phone=" + d.phone()
                    + " mobile=" + d.mobile() + " title=" + d.title() + " department=" + d.department();
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public String getDomain() {
            return domain;
        }

        public void setDomain(String domain) {
            this.domain = domain;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public String getCompany() {
            return company;
        }

        public void setCompany(String company) {
            this.company = company;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getMobile() {
            return mobile;
        }

        public void setMobile(String mobile) {
            this.mobile = mobile;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getDepartment() {
            return department;
        }

        public void setDepartment(String department) {
            this.department = department;
        }
    }

    @Inject
    ContactService contactService;

    @Inject
    DirectoryService directory;

    @Inject
    ConsoleSession session;

    @Inject
    ConsoleAudit audit;

    private List<Row> all = List.of();
    private List<Row> rows = new ArrayList<>();
    private List<String> domains = List.of();
    private String search;
    private Form form = new Form();
    private Form edit = new Form();
    private String selected;

    @PostConstruct
    void load() {
        domains = directory.domains().stream().map(DomainView::name).sorted().toList();
        all = contactService.contacts(null).stream().map(Row::of).toList();
        searchChanged();
    }

    /** The rows whose address, name, company or address book contain the search; a list the table may sort. */
    public void searchChanged() {
        rows = new ArrayList<>(ConsoleInput.matching(all, search,
                r -> r.address() + " " + r.displayName() + " " + r.company() + " " + r.domain()));
    }

    /** The search field changed: its rows, from the first page. */
    public void searched() {
        searchChanged();
        ConsoleTables.firstPage("contactsForm:contacts");
    }

    /**
     * What is wrong with a new contact's address, or null: its shape, a hosted domain (a contact is outside them, an
     * address here is a user, alias or group), or a contact that has it already.
     *
     * @throws jakarta.faces.validator.ValidatorException when it is no address
     */
    static String addressProblem(Object value, Set<String> hosted, Predicate<String> taken) {
        String a = ConsoleInput.address(value);
        if (hosted.contains(ConsoleInput.domainOf(a))) {
            return a + " is in a domain hosted here: a contact's address is outside them.";
        }
        return taken.test(a) ? "A contact has " + a + " already." : null;
    }

    /** Checks a new contact's address as it is typed. */
    public void validateAddress(FacesContext fc, UIComponent component, Object value) {
        String problem = addressProblem(value, new TreeSet<>(domains),
                a -> contactService.contact(a).isPresent());
        if (problem != null) {
            throw ConsoleInput.invalid(problem);
        }
    }

    /** Opens the add dialog with an empty form, the address book preset when only one domain is hosted. */
    public void startAdd() {
        form = new Form();
        if (domains.size() == 1) {
            form.setDomain(domains.get(0));
        }
    }

    /** Creates the contact of the add dialog; the service's refusal shows beside the field it names. */
    public void add() {
        String fields = form.fields(true);
        try {
            ContactView c = contactService.create(form.data(true));
            LOG.log(Level.INFO, "console: {0} created contact {1}", session.getAddress(), c.address());
            audit.record(session.getAddress(), "POST", "/contacts", 201, fields, null);
            ConsoleMessages.info("Contact " + c.address() + " created.");
            startAdd();
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "POST", "/contacts", 201, fields, e);
            ConsoleMessages.refusal(e, "addContact", FIELDS);
        }
    }

    /** Opens the edit dialog on a contact. */
    public void select(String address) {
        selected = address;
        edit = new Form();
        contactService.contact(address).ifPresent(edit::load);
    }

    /** Saves the edit dialog's fields (an emptied field is cleared). */
    public void update() {
        String resource = "/contacts/" + selected;
        String fields = edit.fields(false);
        try {
            contactService.update(selected, edit.data(false));
            LOG.log(Level.INFO, "console: {0} changed contact {1}", session.getAddress(), selected);
            audit.record(session.getAddress(), "PUT", resource, 200, fields, null);
            ConsoleMessages.info("Contact " + selected + " saved.");
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "PUT", resource, 200, fields, e);
            ConsoleMessages.refusal(e, "editContact", EDIT_FIELDS);
        }
    }

    /** Deletes a contact (after a confirmation); groups that list it keep it as an outside member. */
    public void remove(String address) {
        String resource = "/contacts/" + address;
        try {
            contactService.remove(address);
            LOG.log(Level.INFO, "console: {0} removed contact {1}", session.getAddress(), address);
            audit.record(session.getAddress(), "DELETE", resource, 204, null, null);
            ConsoleMessages.info("Contact " + address + " removed.");
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "DELETE", resource, 204, null, e);
            ConsoleMessages.refusal(e, "contactsForm", Set.of());
        }
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<String> getDomains() {
        return domains;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public Form getForm() {
        return form;
    }

    public Form getEdit() {
        return edit;
    }

    public String getSelected() {
        return selected;
    }
}
