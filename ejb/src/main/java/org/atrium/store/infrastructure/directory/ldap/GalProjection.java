package org.atrium.store.infrastructure.directory.ldap;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.atrium.store.application.AccountView;
import org.atrium.store.application.ContactService;
import org.atrium.store.application.ContactView;
import org.atrium.store.application.DirectoryChanged;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.GroupView;
import org.atrium.store.application.PublicFolderService;
import org.atrium.store.application.PublicFolderView;
import org.atrium.store.application.ResourceService;
import org.atrium.store.application.ResourceView;
import org.atrium.store.application.Settings;

/**
 * Publishes the directory as the GAL over LDAP (ARCHITECTURE.md, "Directory"): starts the embedded ApacheDS with the
 * application, rebuilds it from the database at every start (the database is the truth; the LDAP partition is a
 * projection that may be stale after a crash), and keeps it current with directory change events after commit.
 * Binds are checked against the accounts' password hashes; no password is ever copied into LDAP.
 *
 * <p>A CDI bean rather than the start-up singleton itself: directory changes fired while the store is still starting
 * (the demo accounts) must not wait for a singleton that depends on that very start; until {@link #start()} they are
 * simply left to the rebuild it does.
 */
@ApplicationScoped
public class GalProjection {

    private static final Logger LOG = System.getLogger("org.atrium.store.gal");

    @Inject
    DirectoryService directory;

    @Inject
    Settings settings;

    @Inject
    PublicFolderService publicFolders;

    @Inject
    ContactService contacts;

    @Inject
    ResourceService resources;

    @Resource
    ManagedExecutorService executor;

    private final EmbeddedGalServer server = new EmbeddedGalServer();

    /** Starts the LDAP server and rebuilds the GAL from the database. Called once, by {@link GalPublisher}. */
    public synchronized void start() {
        Path data = settings.dataDir();
        BindVerifier verifier = (mail, password) ->
                directory.authenticate(mail, new String(password), "ldap-client", "ldap").isPresent();
        server.start(EmbeddedGalServer.Config.of(data, adminSecret(data), verifier)
                .withBindHost(settings.bindAddress())
                .withPort(settings.ldapPort())
                .withAllowAnonymousRead(settings.ldapAnonymous()));
        List<GalEntry> entries = new ArrayList<>();
        directory.accounts(null).forEach(a -> entries.add(entry(a)));
        directory.groups(null).forEach(g -> entries.add(entry(g)));
        publicFolders.mailEnabled().forEach(f -> entries.add(entry(f)));
        contacts.contacts(null).forEach(c -> entries.add(entry(c)));
        resources.resources(null, null).forEach(r -> entries.add(entry(r)));
        server.replaceAll(entries);
        LOG.log(Level.INFO, "gal: LDAP listening on {0}:{1,number,#}, {2} entries published (anonymous read {3})",
                settings.bindAddress(), server.port(), entries.size(), settings.ldapAnonymous() ? "on" : "off");
    }

    /**
     * Keeps the GAL current. Runs after the change committed, and hands the work to an executor: the committing
     * thread still carries the finished transaction (no EJB call can enlist in it), and the administrator's request
     * need not wait for LDAP.
     */
    public void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DirectoryChanged change) {
        if (!server.isRunning()) {
            return; // not started yet: the start-up rebuild will include the change
        }
        executor.execute(() -> publish(change));
    }

    private void publish(DirectoryChanged change) {
        try {
            switch (change.kind()) {
                case ACCOUNT -> directory.account(change.address()).ifPresent(a -> server.upsert(entry(a)));
                case GROUP -> {
                    if (change.removed()) {
                        server.remove(GalEntry.Kind.GROUP, domainOf(change.address()), change.address());
                    } else {
                        directory.group(change.address()).ifPresent(g -> server.upsert(entry(g)));
                    }
                }
                case PUBLIC_FOLDER -> {
                    if (change.removed()) {
                        server.remove(GalEntry.Kind.PUBLIC_FOLDER, domainOf(change.address()), change.address());
                    } else {
                        publicFolders.byAddress(change.address()).ifPresent(f -> server.upsert(entry(f)));
                    }
                }
                case CONTACT -> {
                    if (change.removed()) {
                        server.remove(GalEntry.Kind.CONTACT, change.address());
                    } else {
                        contacts.contact(change.address()).ifPresent(c -> server.upsert(entry(c)));
                    }
                }
                case RESOURCE -> {
                    if (change.removed()) {
                        server.remove(GalEntry.Kind.RESOURCE, domainOf(change.address()), change.address());
                    } else {
                        resources.resource(change.address()).ifPresent(r -> server.upsert(entry(r)));
                    }
                }
                case DOMAIN -> { } // a domain appears in the GAL with its first entry
            }
        } catch (RuntimeException e) {
            // The GAL is a projection: it is rebuilt at the next start. Mail flow must never fail because of it.
            LOG.log(Level.WARNING, "gal: could not publish the change to {0}: {1}", change.address(), e.toString());
        }
    }

    @PreDestroy
    public synchronized void stop() {
        server.stop();
    }

    static GalEntry entry(AccountView a) {
        String domain = domainOf(a.address());
        return new GalEntry(GalEntry.Kind.USER, domain, localPart(a.address()), a.address(), a.aliases(),
                a.displayName(), a.givenName(), a.surname(), a.department(), a.title(), a.phone(), a.office(), null,
                List.of(), !a.enabled());
    }

    static GalEntry entry(GroupView g) {
        return GalEntry.group(domainOf(g.address()), localPart(g.address()), g.address(), g.displayName(),
                g.members());
    }

    /**
     * A mail-enabled public folder (ADR 0006), object class {@code atriumPublicFolder} of the Atrium schema, in the
     * domain of its address; its name is the display name set with the address, else the folder's path.
     */
    static GalEntry entry(PublicFolderView f) {
        String name = f.displayName() != null ? f.displayName() : f.path();
        return new GalEntry(GalEntry.Kind.PUBLIC_FOLDER, domainOf(f.address()), localPart(f.address()), f.address(),
                List.of(), name, null, null, null, null, null, null, null, List.of(), false);
    }

    /**
     * An external contact (ADR 0017), object class {@code atriumMailContact}, under its address book's domain (not
     * the domain of its address, which is elsewhere); its {@code uid} is the whole address, unique in the container.
     */
    static GalEntry entry(ContactView c) {
        return new GalEntry(GalEntry.Kind.CONTACT, c.domain(), c.address(), c.address(), List.of(), c.displayName(),
                c.givenName(), c.surname(), c.department(), c.title(), c.phone(), null, null, List.of(), false)
                .withContact(c.company(), c.mobile(), c.notes());
    }

    /**
     * A room or equipment (ADR 0017), object class {@code atriumResource}, with {@code atriumResourceType}
     * ({@code room} or {@code equipment}), {@code atriumResourceCapacity} and the location as {@code l}.
     */
    static GalEntry entry(ResourceView r) {
        return new GalEntry(GalEntry.Kind.RESOURCE, domainOf(r.address()), localPart(r.address()), r.address(),
                List.of(), r.displayName(), null, null, null, null, null, null, null, List.of(), !r.enabled())
                .withResource(r.type().toLowerCase(Locale.ROOT), r.capacity(), r.location());
    }

    private static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    private static String localPart(String address) {
        return address.substring(0, address.lastIndexOf('@'));
    }

    /** The ApacheDS administrator's password: random, kept in the data dir, readable by the owner only. */
    private static String adminSecret(Path data) {
        Path file = data.resolve("ldap-admin.secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] b = new byte[24];
            new SecureRandom().nextBytes(b);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            Files.createDirectories(data);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
