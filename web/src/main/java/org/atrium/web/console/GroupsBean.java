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
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.GroupView;
import org.atrium.store.application.StoreException;

/**
 * The console's groups page: the distribution groups (searched by address or name, sorted and paged in the table),
 * creating one, changing its name and who may send to it, adding and removing members (accounts, aliases, other
 * groups, outside addresses; the directory refuses a member that would make the group contain itself and names the
 * chain, shown beside the member field) and deleting a group after a confirmation. Every change is audited as the
 * REST API's {@code /groups} calls would be.
 */
@Named("groups")
@ViewScoped
public class GroupsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger("org.atrium.web.console");

    /** A group as the table shows it. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String address;
        private final String displayName;
        private final int members;
        private final boolean membersOnly;

        Row(GroupView g) {
            address = g.address();
            displayName = g.displayName();
            members = g.members().size();
            membersOnly = g.membersOnly();
        }

        public String getAddress() {
            return address;
        }

        public String getDisplayName() {
            return displayName;
        }

        public int getMembers() {
            return members;
        }

        public boolean isMembersOnly() {
            return membersOnly;
        }
    }

    /** A member of the selected group; {@code group} when it is a group here itself (nesting). */
    public record Member(String address, boolean group) implements Serializable {
        public String getAddress() {
            return address;
        }

        public boolean isGroup() {
            return group;
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

    private String address;
    private String displayName;
    private boolean membersOnly;

    private String selected;
    private String editName;
    private boolean editMembersOnly;
    private List<Member> members = List.of();
    private String member;

    @PostConstruct
    void load() {
        all = directory.groups(null).stream().map(Row::new).toList();
        searchChanged();
    }

    /**
     * The search changed (or the groups did): the rows it leaves, address or display name containing it. A list of
     * the bean's own, since the table sorts it in place.
     */
    public void searchChanged() {
        rows = new ArrayList<>(ConsoleInput.matching(all, search, r -> r.getAddress() + " " + r.getDisplayName()));
    }

    /** The search field changed: its rows, from the first page. */
    public void searched() {
        searchChanged();
        ConsoleTables.firstPage("groupsForm:groups");
    }

    public List<Row> getRows() {
        return rows;
    }

    /** Checks a new group's address as it is typed: an address in a hosted domain that no account has. */
    public void validateAddress(FacesContext fc, UIComponent component, Object value) {
        String a = ConsoleInput.address(value);
        String domain = ConsoleInput.domainOf(a);
        if (directory.domain(domain).isEmpty()) {
            throw ConsoleInput.invalid("Domain " + domain + " is not hosted here.");
        }
        if (directory.account(a).isPresent() || directory.group(a).isPresent()) {
            throw ConsoleInput.invalid(a + " is taken already.");
        }
    }

    /** Checks a member's address as it is typed; whether it exists and would make a loop is the service's to say. */
    public void validateMember(FacesContext fc, UIComponent component, Object value) {
        ConsoleInput.address(value);
    }

    /** Creates the group of the dialog; the service's refusal shows beside the field it names. */
    public void add() {
        String fields = "address=" + address + " displayName=" + displayName + " membersOnly=" + membersOnly;
        try {
            String name = displayName == null || displayName.isBlank() ? null : displayName.strip();
            GroupView g = directory.createGroup(address == null ? null : address.strip(), name, List.of(),
                    membersOnly);
            LOG.log(Level.INFO, "console: {0} created group {1}", session.getAddress(), g.address());
            audit.record(session.getAddress(), "POST", "/groups", 201, fields, null);
            ConsoleMessages.info("Group " + g.address() + " created.");
            address = null;
            displayName = null;
            membersOnly = false;
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "POST", "/groups", 201, fields, e);
            ConsoleMessages.refusal(e, "addGroup", Set.of("address", "displayName", "membersOnly"));
        }
    }

    /** Opens the members dialog on a group. */
    public void select(String group) {
        selected = group;
        member = null;
        refreshSelected();
    }

    private void refreshSelected() {
        directory.group(selected).ifPresentOrElse(g -> {
            Set<String> nested = Set.copyOf(g.nestedGroups());
            members = g.members().stream().map(m -> new Member(m, nested.contains(m))).toList();
            editName = g.displayName();
            editMembersOnly = g.membersOnly();
        }, () -> members = List.of());
    }

    /** Saves the selected group's display name and who may send to it. */
    public void update() {
        String resource = "/groups/" + selected;
        String fields = "displayName=" + editName + " membersOnly=" + editMembersOnly;
        try {
            directory.updateGroup(selected, editName == null ? "" : editName, editMembersOnly);
            LOG.log(Level.INFO, "console: {0} changed group {1}", session.getAddress(), selected);
            audit.record(session.getAddress(), "PUT", resource, 200, fields, null);
            ConsoleMessages.info("Group " + selected + " saved.");
            refreshSelected();
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "PUT", resource, 200, fields, e);
            ConsoleMessages.refusal(e, "members", Set.of("displayName"));
        }
    }

    /** Adds the member of the field; a nesting loop or an unknown local address shows beside the field. */
    public void addMember() {
        String resource = "/groups/" + selected + "/members";
        String m = member == null ? null : member.strip();
        try {
            directory.addGroupMember(selected, m);
            LOG.log(Level.INFO, "console: {0} added {1} to group {2}", session.getAddress(), m, selected);
            audit.record(session.getAddress(), "POST", resource, 201, "member=" + m, null);
            ConsoleMessages.info(m + " added to " + selected + ".");
            member = null;
            refreshSelected();
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "POST", resource, 201, "member=" + m, e);
            ConsoleMessages.refusal(e, "members", Set.of("member"));
        }
    }

    /** Removes a member of the selected group (after a confirmation). */
    public void removeMember(String m) {
        String resource = "/groups/" + selected + "/members/" + m;
        try {
            directory.removeGroupMember(selected, m);
            LOG.log(Level.INFO, "console: {0} removed {1} from group {2}", session.getAddress(), m, selected);
            audit.record(session.getAddress(), "DELETE", resource, 204, null, null);
            ConsoleMessages.info(m + " removed from " + selected + ".");
            refreshSelected();
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "DELETE", resource, 204, null, e);
            ConsoleMessages.refusal(e, "members", Set.of());
        }
    }

    /** Deletes a group (after a confirmation); the service refuses while a public folder's permissions name it. */
    public void remove(String group) {
        try {
            directory.removeGroup(group);
            LOG.log(Level.INFO, "console: {0} removed group {1}", session.getAddress(), group);
            audit.record(session.getAddress(), "DELETE", "/groups/" + group, 204, null, null);
            ConsoleMessages.info("Group " + group + " removed.");
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "DELETE", "/groups/" + group, 204, null, e);
            ConsoleMessages.refusal(e, "groupsForm", Set.of());
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

    public boolean isMembersOnly() {
        return membersOnly;
    }

    public void setMembersOnly(boolean membersOnly) {
        this.membersOnly = membersOnly;
    }

    public String getSelected() {
        return selected;
    }

    public List<Member> getMembers() {
        return members;
    }

    public String getMember() {
        return member;
    }

    public void setMember(String member) {
        this.member = member;
    }

    public String getEditName() {
        return editName;
    }

    public void setEditName(String editName) {
        this.editName = editName;
    }

    public boolean isEditMembersOnly() {
        return editMembersOnly;
    }

    public void setEditMembersOnly(boolean editMembersOnly) {
        this.editMembersOnly = editMembersOnly;
    }
}
