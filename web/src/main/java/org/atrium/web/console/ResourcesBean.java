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
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.ResourceData;
import org.atrium.store.application.ResourceService;
import org.atrium.store.application.ResourceView;
import org.atrium.store.application.StoreException;

/**
 * The console's resources page (ADR 0017): rooms and equipment (filtered by type, searched by address, name or
 * location, sorted and paged in the table), adding one (its address checked as it is typed: a hosted domain, not
 * taken), changing its name, capacity and location, and deleting it after a confirmation; the service refuses while
 * its mailbox holds messages and the page says so. Every change is audited as the REST API's {@code /resources}
 * calls would be.
 */
@Named("resources")
@ViewScoped
public class ResourcesBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger("org.atrium.web.console");
    private static final Set<String> FIELDS = Set.of("address", "displayName", "type", "capacity", "location");

    /** The types a resource has, as the service names them. */
    public static final List<String> TYPES = List.of("ROOM", "EQUIPMENT");

    /** A resource as the table shows it. */
    public record Row(String address, String displayName, String type, Integer capacity, String location,
                      long messages) implements Serializable {

        static Row of(ResourceView r) {
            return new Row(r.address(), r.displayName(), r.type(), r.capacity(), r.location(), r.messages());
        }

        public String getAddress() {
            return address;
        }

        public String getDisplayName() {
            return displayName;
        }

        public String getType() {
            return type;
        }

        /** The type in words: {@code room}, {@code equipment}. */
        public String getTypeLabel() {
            return type == null ? "" : type.toLowerCase(Locale.ROOT);
        }

        public Integer getCapacity() {
            return capacity;
        }

        public String getLocation() {
            return location;
        }

        public long getMessages() {
            return messages;
        }
    }

    @Inject
    ResourceService resourceService;

    @Inject
    DirectoryService directory;

    @Inject
    ConsoleSession session;

    @Inject
    ConsoleAudit audit;

    private List<Row> all = List.of();
    private List<Row> rows = new ArrayList<>();
    private String type;
    private String search;

    private String address;
    private String displayName;
    private String newType = "ROOM";
    private String capacity;
    private String location;

    private String selected;
    private String editName;
    private String editType;
    private String editCapacity;
    private String editLocation;

    @PostConstruct
    void load() {
        all = resourceService.resources(null, type()).stream().map(Row::of).toList();
        searchChanged();
    }

    /** The type filter as the service takes it: null for all, else one of {@link #TYPES}. */
    String type() {
        return type == null ? null : TYPES.stream().filter(t -> t.equalsIgnoreCase(type.strip())).findFirst()
                .orElse(null);
    }

    /** The rows whose address, name or location contain the search; a list the table may sort. */
    public void searchChanged() {
        rows = new ArrayList<>(ConsoleInput.matching(all, search,
                r -> r.address() + " " + r.displayName() + " " + r.location()));
    }

    /** The type filter changed: its resources, from the first page. */
    public void filterChanged() {
        load();
        ConsoleTables.firstPage("resourcesForm:resources");
    }

    /** The search field changed: its rows, from the first page. */
    public void searched() {
        searchChanged();
        ConsoleTables.firstPage("resourcesForm:resources");
    }

    /**
     * What is wrong with a new resource's address, or null: its shape, a domain not hosted here, or an address taken
     * by a user, group, alias or resource.
     *
     * @throws jakarta.faces.validator.ValidatorException when it is no address
     */
    static String addressProblem(Object value, Predicate<String> hosted, Predicate<String> taken) {
        String a = ConsoleInput.address(value);
        String domain = ConsoleInput.domainOf(a);
        if (!hosted.test(domain)) {
            return "Domain " + domain + " is not hosted here.";
        }
        return taken.test(a) ? a + " is taken already." : null;
    }

    /** Checks a new resource's address as it is typed. */
    public void validateAddress(FacesContext fc, UIComponent component, Object value) {
        String problem = addressProblem(value, d -> directory.domain(d).isPresent(),
                a -> resourceService.resource(a).isPresent()
                || directory.account(a).isPresent() || directory.group(a).isPresent());
        if (problem != null) {
            throw ConsoleInput.invalid(problem);
        }
    }

    /** Checks a capacity as it is typed: empty, or a whole number of people from 0 to {@value #CAPACITY_MAX}. */
    public void validateCapacity(FacesContext fc, UIComponent component, Object value) {
        capacity(value);
    }

    /** The most people a resource holds, as the service allows. */
    static final int CAPACITY_MAX = 100_000;

    /** A capacity field's number of people, null when empty. */
    static Integer capacity(Object value) {
        Long n = ConsoleInput.count(value);
        if (n != null && n > CAPACITY_MAX) {
            throw ConsoleInput.invalid("Enter a number of people from 0 to " + CAPACITY_MAX + ", or leave it empty.");
        }
        return n == null ? null : n.intValue();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The add dialog's fields as the service takes them (blank is absent; the type in lower case as the API). */
    ResourceData newData() {
        return new ResourceData(blankToNull(address), blankToNull(displayName),
                newType == null ? null : newType.toLowerCase(Locale.ROOT), capacity(capacity), blankToNull(location));
    }

    /**
     * The edit dialog's fields: an emptied name or location is cleared (empty string); an emptied capacity keeps the
     * current one (the service has no way to clear it).
     */
    ResourceData editData() {
        return new ResourceData(null, editName == null ? "" : editName.strip(),
                editType == null ? null : editType.toLowerCase(Locale.ROOT), capacity(editCapacity),
                editLocation == null ? "" : editLocation.strip());
    }

    /** Creates the resource of the add dialog; the service's refusal shows beside the field it names. */
    public void add() {
        ResourceData d = newData();
        String fields = "address=" + d.address() + " displayName=" + d.displayName() + " type=" + d.type()
                + " capacity=" + d.capacity() + " location=" + d.location();
        try {
            ResourceView r = resourceService.create(d);
            LOG.log(Level.INFO, "console: {0} created resource {1}", session.getAddress(), r.address());
            audit.record(session.getAddress(), "POST", "/resources", 201, fields, null);
            ConsoleMessages.info("Resource " + r.address() + " created.");
            address = null;
            displayName = null;
            newType = "ROOM";
            capacity = null;
            location = null;
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "POST", "/resources", 201, fields, e);
            ConsoleMessages.refusal(e, "addResource", FIELDS);
        }
    }

    /** Opens the edit dialog on a resource. */
    public void select(String resource) {
        selected = resource;
        resourceService.resource(resource).ifPresent(r -> {
            editName = r.displayName();
            editType = r.type();
            editCapacity = r.capacity() == null ? null : r.capacity().toString();
            editLocation = r.location();
        });
    }

    /** Saves the edit dialog's name, capacity and location. */
    public void update() {
        String resource = "/resources/" + selected;
        ResourceData d = editData();
        String fields = "displayName=" + d.displayName() + " type=" + d.type() + " capacity=" + d.capacity()
                + " location=" + d.location();
        try {
            resourceService.update(selected, d);
            LOG.log(Level.INFO, "console: {0} changed resource {1}", session.getAddress(), selected);
            audit.record(session.getAddress(), "PUT", resource, 200, fields, null);
            ConsoleMessages.info("Resource " + selected + " saved.");
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "PUT", resource, 200, fields, e);
            ConsoleMessages.refusal(e, "editResource", Set.of("displayName", "type", "capacity", "location"));
        }
    }

    /** Deletes a resource (after a confirmation); the service refuses while its mailbox holds messages. */
    public void remove(String resource) {
        String path = "/resources/" + resource;
        try {
            resourceService.remove(resource);
            LOG.log(Level.INFO, "console: {0} removed resource {1}", session.getAddress(), resource);
            audit.record(session.getAddress(), "DELETE", path, 204, null, null);
            ConsoleMessages.info("Resource " + resource + " removed.");
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "DELETE", path, 204, null, e);
            ConsoleMessages.refusal(e, "resourcesForm", Set.of());
        }
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<String> getTypes() {
        return TYPES;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
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

    public String getNewType() {
        return newType;
    }

    public void setNewType(String newType) {
        this.newType = newType;
    }

    public String getCapacity() {
        return capacity;
    }

    public void setCapacity(String capacity) {
        this.capacity = capacity;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getSelected() {
        return selected;
    }

    public String getEditName() {
        return editName;
    }

    public void setEditName(String editName) {
        this.editName = editName;
    }

    public String getEditType() {
        return editType;
    }

    public void setEditType(String editType) {
        this.editType = editType;
    }

    public String getEditCapacity() {
        return editCapacity;
    }

    public void setEditCapacity(String editCapacity) {
        this.editCapacity = editCapacity;
    }

    public String getEditLocation() {
        return editLocation;
    }

    public void setEditLocation(String editLocation) {
        this.editLocation = editLocation;
    }
}
