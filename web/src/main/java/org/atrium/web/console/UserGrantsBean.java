package org.atrium.web.console;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.atrium.store.application.DelegationService;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.GrantView;
import org.atrium.store.application.StoreException;

/**
 * The users page's "Grants" dialog: the mailbox grants (ADR 0006) a user gave, whole-mailbox access (READ, FULL) and
 * the sending grants (send as, send on behalf); adding or changing one, its grantee checked as it is typed (an
 * existing user other than the owner), and removing one after a confirmation. Every change is audited as the REST
 * API's {@code PUT} and {@code DELETE /users/{owner}/grants/{grantee}} would be.
 */
@Named("userGrants")
@ViewScoped
public class UserGrantsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger("org.atrium.web.console");

    /** The access levels the form offers, as the service spells them. */
    static final List<String> ACCESS = List.of("READ", "FULL", "NONE");

    /** A grant as the table shows it. */
    public record Row(String grantee, String access, boolean sendAs, boolean sendOnBehalf) implements Serializable {
        private static final long serialVersionUID = 1L;

        static Row of(GrantView g) {
            return new Row(g.grantee(), g.access(), g.sendAs(), g.sendOnBehalf());
        }

        public String getGrantee() {
            return grantee;
        }

        public String getAccess() {
            return access;
        }

        public boolean isSendAs() {
            return sendAs;
        }

        public boolean isSendOnBehalf() {
            return sendOnBehalf;
        }
    }

    @Inject
    DelegationService delegation;

    @Inject
    DirectoryService directory;

    @Inject
    ConsoleSession session;

    @Inject
    ConsoleAudit audit;

    private String owner;
    private List<Row> rows = List.of();
    private String grantee;
    private String access = "READ";
    private boolean sendAs;
    private boolean sendOnBehalf;

    /** Opens the dialog on a user's grants, with an empty form. */
    public void select(String user) {
        owner = user;
        clearForm();
        refresh();
    }

    private void refresh() {
        rows = owner == null ? List.of() : delegation.given(owner).stream().map(Row::of).toList();
    }

    private void clearForm() {
        grantee = null;
        access = "READ";
        sendAs = false;
        sendOnBehalf = false;
    }

    /** Fills the form with a grant of the table, to change it. */
    public void edit(String who) {
        rows.stream().filter(r -> r.grantee().equalsIgnoreCase(who)).findFirst().ifPresent(r -> {
            grantee = r.grantee();
            access = r.access();
            sendAs = r.sendAs();
            sendOnBehalf = r.sendOnBehalf();
        });
    }

    /** Checks the grantee as it is typed: an existing user, not the owner. */
    public void validateGrantee(FacesContext fc, UIComponent component, Object value) {
        String problem = granteeProblem(value, owner, a -> directory.account(a).isPresent());
        if (problem != null) {
            throw ConsoleInput.invalid(problem);
        }
    }

    /**
     * What is wrong with a grantee, or null.
     *
     * @throws jakarta.faces.validator.ValidatorException when it is no address at all
     */
    static String granteeProblem(Object value, String owner, Predicate<String> isUser) {
        String a = ConsoleInput.address(value);
        if (owner != null && a.equals(owner.strip().toLowerCase(Locale.ROOT))) {
            return "A user cannot delegate to themselves.";
        }
        if (!isUser.test(a)) {
            return "No user " + a + ".";
        }
        return null;
    }

    /** The audited fields of a change, as the REST body names them. */
    static String fields(String access, boolean sendAs, boolean sendOnBehalf) {
        return "access=" + access + " sendAs=" + sendAs + " sendOnBehalf=" + sendOnBehalf;
    }

    /** What the console says after a change the service made. */
    static String outcome(GrantView g) {
        if ("NONE".equals(g.access()) && !g.sendAs() && !g.sendOnBehalf()) {
            return "The grant to " + g.grantee() + " granted nothing and was removed.";
        }
        return "Grant to " + g.grantee() + " saved: " + summary(g.access(), g.sendAs(), g.sendOnBehalf()) + ".";
    }

    /** A grant in words: {@code FULL access, send as}. */
    static String summary(String access, boolean sendAs, boolean sendOnBehalf) {
        StringBuilder s = new StringBuilder("NONE".equals(access) ? "no mailbox access" : access + " access");
        if (sendAs) {
            s.append(", send as");
        }
        if (sendOnBehalf) {
            s.append(", send on behalf");
        }
        return s.toString();
    }

    /** Gives or changes the grant of the form; the service's refusal shows beside the field it names. */
    public void save() {
        if (owner == null) {
            return;
        }
        String g = grantee == null ? null : grantee.strip().toLowerCase(Locale.ROOT);
        String resource = "/users/" + owner + "/grants/" + g;
        String f = fields(access, sendAs, sendOnBehalf);
        try {
            GrantView saved = delegation.set(owner, g, access, sendAs, sendOnBehalf);
            LOG.log(Level.INFO, "console: {0} set the grant of {1} to {2}: {3}", session.getAddress(), owner, g, f);
            audit.record(session.getAddress(), "PUT", resource, 200, f, null);
            ConsoleMessages.info(outcome(saved));
            clearForm();
            refresh();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "PUT", resource, 200, f, e);
            ConsoleMessages.refusal(e, "grants", Set.of("grantee", "access"));
        }
    }

    /** Removes a grant (after a confirmation). */
    public void remove(String who) {
        if (owner == null) {
            return;
        }
        String resource = "/users/" + owner + "/grants/" + who;
        try {
            delegation.remove(owner, who);
            LOG.log(Level.INFO, "console: {0} removed the grant of {1} to {2}", session.getAddress(), owner, who);
            audit.record(session.getAddress(), "DELETE", resource, 204, null, null);
            ConsoleMessages.info("Grant to " + who + " removed.");
            refresh();
        } catch (StoreException e) {
            audit.record(session.getAddress(), "DELETE", resource, 204, null, e);
            ConsoleMessages.refusal(e, "grants", Set.of());
        }
    }

    public String getOwner() {
        return owner;
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<String> getAccessLevels() {
        return ACCESS;
    }

    public String getGrantee() {
        return grantee;
    }

    public void setGrantee(String grantee) {
        this.grantee = grantee;
    }

    public String getAccess() {
        return access;
    }

    public void setAccess(String access) {
        this.access = access;
    }

    public boolean isSendAs() {
        return sendAs;
    }

    public void setSendAs(boolean sendAs) {
        this.sendAs = sendAs;
    }

    public boolean isSendOnBehalf() {
        return sendOnBehalf;
    }

    public void setSendOnBehalf(boolean sendOnBehalf) {
        this.sendOnBehalf = sendOnBehalf;
    }
}
