package org.atrium.store.infrastructure.startup;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.NewAccount;
import org.atrium.store.application.Settings;

/**
 * First start: when the directory is empty and the demo is enabled, creates the demo domain {@code atrium.test} with an
 * administrator and two users, and writes their logins to {@code <data>/demo-logins.txt} and the administrator's to
 * {@code <data>/cli.conf} (both readable by the owner only) for bin/atrium. Passwords never go to the log.
 *
 * <p>The connectors depend on this bean, so no listener accepts a connection before the schema and the directory
 * are ready.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class StoreBootstrap {

    public static final String DEMO_DOMAIN = "atrium.test";
    private static final Logger LOG = System.getLogger("org.atrium.store.bootstrap");

    @Inject
    DirectoryService directory;

    @Inject
    Settings settings;

    @PostConstruct
    void start() {
        if (!settings.demo() || !directory.domains().isEmpty()) {
            return;
        }
        String password = settings.demoPassword();
        boolean generated = password == null;
        if (generated) {
            password = randomPassword();
        }
        directory.createDomain(DEMO_DOMAIN);
        directory.createAccount(new NewAccount("admin@" + DEMO_DOMAIN, password, "Atrium Administrator", "Atrium",
                "Administrator", "IT", "Administrator", null, null, true));
        directory.createAccount(new NewAccount("alice@" + DEMO_DOMAIN, password, "Alice Archer", "Alice", "Archer",
                "Sales", "Account Manager", "+1 555 0101", "Building A", false));
        directory.createAccount(new NewAccount("bob@" + DEMO_DOMAIN, password, "Bob Baker", "Bob", "Baker",
                "Engineering", "Engineer", "+1 555 0102", "Building B", false));
        Path data = settings.dataDir();
        String logins = String.format("administrator  admin@%1$s  %2$s%nuser           alice@%1$s  %2$s%n"
                + "user           bob@%1$s    %2$s%n", DEMO_DOMAIN, password);
        writePrivate(data.resolve("demo-logins.txt"), logins);
        writePrivate(data.resolve("cli.conf"), "ATRIUM_ADMIN_USER=admin@" + DEMO_DOMAIN + "\nATRIUM_ADMIN_PASSWORD='"
                + password.replace("'", "'\\''") + "'\n");
        LOG.log(Level.INFO, "bootstrap: demo domain {0} created with admin@{0}, alice@{0}, bob@{0}; "
                + "their logins are in {1}", DEMO_DOMAIN, data.resolve("demo-logins.txt"));
    }

    private static String randomPassword() {
        final String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static void writePrivate(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
