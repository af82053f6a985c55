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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.DomainView;
import org.atrium.store.application.PublicFolderService;
import org.atrium.store.application.PublicFolderView;
import org.atrium.store.application.StoreException;

/**
 * The console's public folders page (ADR 0006): the folders of one tree (the organisation's, or a domain's own, which
 * the page can create), a new folder, a folder's permissions (Exchange roles or raw RFC 4314 rights per identifier,
 * removed after a confirmation) and its mail address. Changes are audited as the REST API's
 * {@code /public-folders} calls would be, the folder named in the query string.
 */
@Named("folders")
@ViewScoped
public class FoldersBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger("org.atrium.web.console");

    /** The role presets offered (PermissionRules accepts these names); "" stands for raw rights. */
    static final List<String> ROLES = List.of("Owner", "Publishing Editor", "Editor", "Publishing Author", "Author",
            "Nonediting Author", "Reviewer", "Contributor", "None");

    /** A folder as the tree table shows it. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String path;
        private final String name;
        private final int depth;
        private final String address;
        private final long messages;
        private final long bytes;
        private final int permissions;

        Row(PublicFolderView f) {
            path = f.path();
            int slash = path.lastIndexOf('/');
            name = slash < 0 ? path : path.substring(slash + 1);
            depth = depth(path);
            address = f.address();
            messages = f.messages();
            bytes = f.bytes();
            permissions = f.permissions().size();
        }

        public String getPath() {
            return path;
        }

        /** The last part of the path, indented by {@link #getDepth} in the table. */
        public String getName() {
            return name;
        }

        public int getDepth() {
            return depth;
        }

        public String getAddress() {
            return address;
        }

        public long getMessages() {
            return messages;
        }

        public String getSize() {
            return ByteSize.format(bytes);
        }

        public int getPermissions() {
            return permissions;
        }
    }

    @Inject
    PublicFolderService publicFolders;

    @Inject
    DirectoryService directory;

    @Inject
    ConsoleSession session;

    @Inject
    ConsoleAudit audit;

    private List<String> trees = List.of();
    private String tree = PublicFolderService.ORGANISATION;
    private boolean ownTree = true;
    private List<Row> all = List.of();
    private List<Row> rows = new ArrayList<>();
    private String search;
    private String newPath;

    private String selected;
    private String selectedAddress;
    private List<Permission> permissions = List.of();
    private String identifier;
    private String role = "Reviewer";
    private String rights;
    private String ownRights;
    private String address;
    private String displayName;

    @PostConstruct
    void init() {
        List<String> t = new ArrayList<>();
        t.add(PublicFolderService.ORGANISATION);
        directory.domains().stream().map(DomainView::name).forEach(t::add);
        trees = List.copyOf(t);
        load();
    }

    /** The folders of the chosen tree; a domain without a tree of its own shows none and offers to create one. */
    void load() {
        try {
            all = publicFolders.list(tree).stream().map(Row::new).toList();
            ownTree = true;
            searchChanged();
        } catch (StoreException e) {
            if (e.code() != StoreException.Code.NOT_FOUND) {
                throw e;
            }
            all = List.of();
            ownTree = false;
            searchChanged();
        }
    }

    /** The tree was changed in the selector. */
    public void treeChanged() {
        selected = null;
        load();
    }

    /** The search changed (or the folders did): those whose path contains it, parents before their children. */
    public void searchChanged() {
        rows = new ArrayList<>(ConsoleInput.matching(all, search, Row::getPath));
    }

    /** The search field changed: its rows, from the first page. */
    public void searched() {
        searchChanged();
        ConsoleTables.firstPage("foldersForm:folders");
    }

    /** A list of the bean's own, since the table sorts it in place. */
    public List<Row> getRows() {
        return rows;
    }

    /** Folder depth from its path: {@code Projects} 0, {@code Projects/Apollo} 1. */
    static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    /** The REST API's query string naming a folder (values URL-encoded), for the audit log. */
    static String query(String path, String tree) {
        return "?path=" + enc(path) + "&tree=" + enc(tree);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    /** Checks a new folder's path as it is typed: names split by {@code /}, none empty, not INBOX. */
    public void validatePath(FacesContext fc, UIComponent component, Object value) {
        String p = value == null ? "" : value.toString().strip();
        if (p.isEmpty() || p.startsWith("/") || p.endsWith("/") || p.contains("//")) {
            throw ConsoleInput.invalid("Enter a path such as Projects/Apollo (names split by /, none empty).");
        }
        if (p.split("/")[0].equalsIgnoreCase("INBOX")) {
            throw ConsoleInput.invalid("INBOX is no public folder name.");
        }
    }

    /** Checks a permission's identifier as it is typed: an address, {@code anyone} or {@code authenticated}. */
    public void validateIdentifier(FacesContext fc, UIComponent component, Object value) {
        String s = value == null ? "" : value.toString().strip().toLowerCase(Locale.ROOT);
        if (!s.equals("anyone") && !s.equals("authenticated")) {
            ConsoleInput.address(value);
        }
    }

    /** Checks a folder's mail address as typed: an address in a hosted domain (whether it is free is the service's). */
    public void validateAddress(FacesContext fc, UIComponent component, Object value) {
        String domain = ConsoleInput.domainOf(ConsoleInput.address(value));
        if (directory.domain(domain).isEmpty()) {
            throw ConsoleInput.invalid("Domain " + domain + " is not hosted here.");
        }
    }

    /** Checks raw rights as typed: RFC 4314 right letters only. */
    public void validateRights(FacesContext fc, UIComponent component, Object value) {
        String s = value == null ? "" : value.toString().strip();
        if (!s.matches("[lrswipkxtea]*")) {
            throw ConsoleInput.invalid("Rights are letters of lrswipkxtea (RFC 4314).");
        }
    }

    /** Gives the chosen domain its own public folder tree. */
    public void createTree() {
        String resource = "/domains/" + tree + "/public-tree";
        try {
            publicFolders.createDomainTree(tree);
            LOG.log(Level.INFO, "console: {0} gave {1} its own public folder tree", session.getAddress(), tree);
            audit.record(session.getAddress(), "POST", resource, 201, null, null);
            ConsoleMessages.info("Domain " + tree + " has its own public folder tree now.");
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "POST", resource, 201, null, e);
            ConsoleMessages.refusal(e, "foldersForm", Set.of());
        }
    }

    /** Creates the folder of the form (and its missing parents) in the chosen tree. */
    public void create() {
        String p = newPath == null ? null : newPath.strip();
        String fields = "path=" + p + " tree=" + tree;
        try {
            PublicFolderView f = publicFolders.create(tree, p);
            LOG.log(Level.INFO, "console: {0} created public folder {1} in {2}", session.getAddress(), f.path(), tree);
            audit.record(session.getAddress(), "POST", "/public-folders", 201, fields, null);
            ConsoleMessages.info("Folder " + f.path() + " created.");
            newPath = null;
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "POST", "/public-folders", 201, fields, e);
            ConsoleMessages.refusal(e, "addFolder", Set.of("path"));
        }
    }

    /** Deletes an empty leaf folder (after a confirmation); the service says why not otherwise. */
    public void delete(String path) {
        String resource = "/public-folders" + query(path, tree);
        try {
            publicFolders.delete(tree, path, false);
            LOG.log(Level.INFO, "console: {0} deleted public folder {1} in {2}", session.getAddress(), path, tree);
            audit.record(session.getAddress(), "DELETE", resource, 204, null, null);
            ConsoleMessages.info("Folder " + path + " deleted.");
            if (path.equals(selected)) {
                selected = null;
            }
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "DELETE", resource, 204, null, e);
            ConsoleMessages.refusal(e, "foldersForm", Set.of());
        }
    }

    /** Opens the folder dialog (permissions, address). */
    public void select(String path) {
        show(publicFolders.folder(tree, path));
        identifier = null;
        rights = null;
        ownRights = null;
        address = selectedAddress;
    }

    /** Keeps what the dialog shows of a folder (the view itself is not serializable). */
    private void show(PublicFolderView f) {
        selected = f.path();
        selectedAddress = f.address();
        displayName = f.displayName();
        permissions = f.permissions().stream().map(Permission::new).toList();
    }

    /** Sets the permission of the form's identifier: the role's rights, or the raw rights when no role is chosen. */
    public void permit() {
        String resource = "/public-folders/permissions" + query(selected, tree);
        boolean byRole = role != null && !role.isBlank();
        String fields = "identifier=" + identifier + (byRole ? " role=" + role
                : " rights=" + rights + " ownRights=" + ownRights);
        try {
            show(publicFolders.permit(tree, selected, identifier == null ? null : identifier.strip(),
                    byRole ? role : null, byRole ? null : rights, byRole ? null : ownRights, null));
            LOG.log(Level.INFO, "console: {0} set the permission of {1} on {2}", session.getAddress(), identifier,
                    selected);
            audit.record(session.getAddress(), "PUT", resource, 200, fields, null);
            ConsoleMessages.info("Permission of " + identifier + " set.");
            identifier = null;
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "PUT", resource, 200, fields, e);
            ConsoleMessages.refusal(e, "folder", Set.of("identifier", "role", "rights", "ownRights"));
        }
    }

    /** Removes an identifier's permission entry (after a confirmation). */
    public void unpermit(String who) {
        String resource = "/public-folders/permissions" + query(selected, tree) + "&identifier=" + enc(who);
        try {
            publicFolders.unpermit(tree, selected, who, null);
            LOG.log(Level.INFO, "console: {0} removed the permission of {1} on {2}", session.getAddress(), who,
                    selected);
            audit.record(session.getAddress(), "DELETE", resource, 204, null, null);
            ConsoleMessages.info("Permission of " + who + " removed.");
            show(publicFolders.folder(tree, selected));
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "DELETE", resource, 204, null, e);
            ConsoleMessages.refusal(e, "folder", Set.of());
        }
    }

    /** Mail-enables the folder under the form's address. */
    public void saveAddress() {
        String resource = "/public-folders/address" + query(selected, tree);
        String a = address == null ? null : address.strip();
        String fields = "address=" + a + " displayName=" + displayName;
        try {
            show(publicFolders.setAddress(tree, selected, a,
                    displayName == null || displayName.isBlank() ? null : displayName.strip()));
            LOG.log(Level.INFO, "console: {0} mail-enabled {1} as {2}", session.getAddress(), selected, a);
            audit.record(session.getAddress(), "PUT", resource, 200, fields, null);
            ConsoleMessages.info("Folder " + selected + " receives mail at " + selectedAddress + ".");
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "PUT", resource, 200, fields, e);
            ConsoleMessages.refusal(e, "folder", Set.of("address", "displayName"));
        }
    }

    /** Takes the folder's mail address away (after a confirmation). */
    public void removeAddress() {
        String resource = "/public-folders/address" + query(selected, tree);
        try {
            publicFolders.removeAddress(tree, selected);
            LOG.log(Level.INFO, "console: {0} removed the address of {1}", session.getAddress(), selected);
            audit.record(session.getAddress(), "DELETE", resource, 204, null, null);
            ConsoleMessages.info("Folder " + selected + " no longer receives mail.");
            show(publicFolders.folder(tree, selected));
            address = null;
            displayName = null;
            load();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "DELETE", resource, 204, null, e);
            ConsoleMessages.refusal(e, "folder", Set.of());
        }
    }

    public List<String> getTrees() {
        return trees;
    }

    public String getTree() {
        return tree;
    }

    public void setTree(String tree) {
        this.tree = tree == null || tree.isBlank() ? PublicFolderService.ORGANISATION : tree;
    }

    /** Whether the chosen tree exists (the organisation's always does, to the page; a domain's once created). */
    public boolean isOwnTree() {
        return ownTree;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getNewPath() {
        return newPath;
    }

    public void setNewPath(String newPath) {
        this.newPath = newPath;
    }

    /** The path of the folder of the dialog, or null. */
    public String getSelected() {
        return selected;
    }

    /** The selected folder's mail address, or null. */
    public String getSelectedAddress() {
        return selectedAddress;
    }

    /** The selected folder's permissions. */
    public List<Permission> getPermissions() {
        return permissions;
    }

    /** One permission entry as the table shows it. */
    public static final class Permission implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String identifier;
        private final String role;
        private final String rights;
        private final String ownRights;

        Permission(PublicFolderView.Permission p) {
            identifier = p.identifier();
            role = p.role() == null ? "custom" : p.role();
            rights = p.rights();
            ownRights = p.ownRights();
        }

        public String getIdentifier() {
            return identifier;
        }

        public String getRole() {
            return role;
        }

        public String getRights() {
            return rights;
        }

        public String getOwnRights() {
            return ownRights;
        }
    }

    public List<String> getRoles() {
        return ROLES;
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getRights() {
        return rights;
    }

    public void setRights(String rights) {
        this.rights = rights;
    }

    public String getOwnRights() {
        return ownRights;
    }

    public void setOwnRights(String ownRights) {
        this.ownRights = ownRights;
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
}
