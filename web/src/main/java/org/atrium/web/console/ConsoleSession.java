package org.atrium.web.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.atrium.store.application.AccountView;
import org.atrium.store.application.DirectoryService;

/**
 * Who is signed in to the admin console. The login form checks the credentials with the directory (slow hash, login
 * throttling and failure logging are the directory's) and lets administrators only in. The password is never kept
 * beyond the login request and never logged.
 */
@Named("auth")
@SessionScoped
public class ConsoleSession implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger("org.atrium.web.console");

    /** The HTTP session attribute {@link ConsoleFilter} checks: the signed-in administrator's address. */
    static final String ADMIN_ATTRIBUTE = "atrium.console.admin";

    @Inject
    DirectoryService directory;

    private String login;
    private transient String password;
    private String address;

    /** Checks the form's credentials; on success a new session (no fixation) and on to the dashboard. */
    public String signIn() {
        FacesContext fc = FacesContext.getCurrentInstance();
        ExternalContext ec = fc.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ec.getRequest();
        String pw = password;
        password = null;
        Optional<AccountView> account = login == null || login.isBlank() || pw == null ? Optional.empty()
                : directory.authenticate(login.trim(), pw, request.getRemoteAddr(), "http");
        if (account.isEmpty() || !account.get().admin()) {
            if (account.isPresent()) {
                LOG.log(Level.INFO, "console: {0} is no administrator, refused", account.get().address());
            }
            // One message for both cases: the form does not tell which part was wrong.
            fc.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Wrong address or password, or not an administrator.", null));
            return null;
        }
        request.changeSessionId();
        address = account.get().address();
        ec.getSessionMap().put(ADMIN_ATTRIBUTE, address);
        LOG.log(Level.INFO, "console: {0} signed in from {1}", address, request.getRemoteAddr());
        return "/admin/index.xhtml?faces-redirect=true";
    }

    /** Ends the session. */
    public String signOut() {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        if (address != null) {
            LOG.log(Level.INFO, "console: {0} signed out", address);
        }
        ec.invalidateSession();
        return "/admin/login.xhtml?faces-redirect=true";
    }

    public boolean isSignedIn() {
        return address != null;
    }

    /** The signed-in administrator's address, or null. */
    public String getAddress() {
        return address;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
