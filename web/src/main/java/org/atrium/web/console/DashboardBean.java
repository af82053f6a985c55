package org.atrium.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.PublicFolderService;

/**
 * The console's dashboard: how many domains, users, groups and public folders there are, and the version. Storage
 * used is left out: it would take a query per account.
 */
@Named("dashboard")
@RequestScoped
public class DashboardBean {

    @Inject
    DirectoryService directory;

    @Inject
    PublicFolderService publicFolders;

    private long domains;
    private long users;
    private long groups;
    private long folders;

    @PostConstruct
    void load() {
        domains = directory.domains().size();
        users = directory.accountPage(null, null, false, 0, 1).total();
        groups = directory.groups(null).size();
        folders = publicFolders.list(PublicFolderService.ORGANISATION).size();
    }

    public long getDomains() {
        return domains;
    }

    public long getUsers() {
        return users;
    }

    public long getGroups() {
        return groups;
    }

    /** Folders of the organisation's public folder tree. */
    public long getPublicFolders() {
        return folders;
    }

    /** The version of the build, from {@code version.properties} (filtered by Maven). */
    public String getVersion() {
        return version();
    }

    static String version() {
        try (InputStream in = DashboardBean.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
