package org.atrium.store.infrastructure.directory.ldap;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.directory.api.ldap.model.constants.LdapSecurityConstants;
import org.apache.directory.api.ldap.model.cursor.Cursor;
import org.apache.directory.api.ldap.model.entry.Attribute;
import org.apache.directory.api.ldap.model.entry.DefaultEntry;
import org.apache.directory.api.ldap.model.entry.DefaultModification;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.entry.Modification;
import org.apache.directory.api.ldap.model.entry.ModificationOperation;
import org.apache.directory.api.ldap.model.entry.Value;
import org.apache.directory.api.ldap.model.filter.FilterEncoder;
import org.apache.directory.api.ldap.model.filter.FilterParser;
import org.apache.directory.api.ldap.model.ldif.LdifEntry;
import org.apache.directory.api.ldap.model.ldif.LdifReader;
import org.apache.directory.api.ldap.model.ldif.LdifUtils;
import org.apache.directory.api.ldap.model.message.AliasDerefMode;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.apache.directory.api.ldap.model.password.PasswordUtil;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.apache.directory.api.ldap.model.schema.LdapComparator;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.apache.directory.api.ldap.model.schema.comparators.NormalizingComparator;
import org.apache.directory.api.ldap.schema.extractor.SchemaLdifExtractor;
import org.apache.directory.api.ldap.schema.extractor.impl.DefaultSchemaLdifExtractor;
import org.apache.directory.api.ldap.schema.loader.LdifSchemaLoader;
import org.apache.directory.api.ldap.schema.manager.impl.DefaultSchemaManager;
import org.apache.directory.server.core.DefaultDirectoryService;
import org.apache.directory.server.core.api.CoreSession;
import org.apache.directory.server.core.api.InstanceLayout;
import org.apache.directory.server.core.api.interceptor.Interceptor;
import org.apache.directory.server.core.api.schema.SchemaPartition;
import org.apache.directory.server.core.authn.AnonymousAuthenticator;
import org.apache.directory.server.core.authn.AuthenticationInterceptor;
import org.apache.directory.server.core.authn.SimpleAuthenticator;
import org.apache.directory.server.core.partition.impl.btree.jdbm.JdbmIndex;
import org.apache.directory.server.core.partition.impl.btree.jdbm.JdbmPartition;
import org.apache.directory.server.core.partition.ldif.LdifPartition;
import org.apache.directory.server.core.shared.DefaultDnFactory;
import org.apache.directory.server.ldap.LdapServer;
import org.apache.directory.server.ldap.handlers.response.BindResponseHandler;
import org.apache.directory.server.protocol.shared.transport.TcpTransport;
import org.apache.directory.server.xdbm.Index;
import org.atrium.directory.schema.AtriumSchema;

/**
 * Atrium's global address list served by an embedded ApacheDS: plain Java, started and stopped by its owner
 * (an EJB singleton). The database stays the source of truth: {@link #replaceAll} rebuilds the GAL at
 * application start, {@link #upsert} and {@link #remove} follow change events.
 *
 * <ul>
 * <li>State lives in {@code <dataDirectory>/ldap/} (ApacheDS instance layout; JDBM partitions with indexes), so
 * the server survives restarts; the standard schema is extracted there once, the Atrium schema from the
 * {@code atrium-directory-schema} jar is rewritten at every start.</li>
 * <li>Users bind with their DN or their mail address; the password goes to the {@link BindVerifier}, nothing is
 * stored. {@code uid=admin,ou=system} gets the configured password.</li>
 * <li>Authenticated users read the GAL and cannot write it; anonymous clients only reach the rootDSE unless
 * {@link Config#allowAnonymousRead()}, then they read like users. Hidden entries are seen by the admin only.</li>
 * </ul>
 * Thread-safe: mutating methods are synchronized.
 */
public final class EmbeddedGalServer {

    /**
     * @param dataDirectory      Atrium's data directory; the server uses its {@code ldap/} subdirectory
     * @param bindHost           address to listen on (default 127.0.0.1)
     * @param port               TCP port (default 10389)
     * @param suffix             GAL suffix, an o=, dc= or ou= RDN (default o=atrium)
     * @param adminPassword      password of uid=admin,ou=system (required, not ApacheDS's default)
     * @param allowAnonymousRead let anonymous clients search the GAL (read-only)
     * @param bindVerifier       checks users' passwords against Atrium's account store
     */
    public record Config(Path dataDirectory, String bindHost, int port, String suffix, String adminPassword,
                         boolean allowAnonymousRead, BindVerifier bindVerifier) {
        public static final String DEFAULT_BIND_HOST = "127.0.0.1";
        public static final int DEFAULT_PORT = 10389;
        public static final String DEFAULT_SUFFIX = "o=atrium";

        public Config {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            Objects.requireNonNull(bindVerifier, "bindVerifier");
            if (adminPassword == null || adminPassword.isBlank() || adminPassword.equals("secret")) {
                throw new IllegalArgumentException("an admin password other than ApacheDS's default is required");
            }
            bindHost = bindHost == null || bindHost.isBlank() ? DEFAULT_BIND_HOST : bindHost;
            port = port == 0 ? DEFAULT_PORT : port;
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port);
            }
            suffix = suffix == null || suffix.isBlank() ? DEFAULT_SUFFIX : suffix.strip();
        }

        /** Defaults: 127.0.0.1:10389, o=atrium, no anonymous reads. */
        public static Config of(Path dataDirectory, String adminPassword, BindVerifier bindVerifier) {
            return new Config(dataDirectory, null, 0, null, adminPassword, false, bindVerifier);
        }

        public Config withBindHost(String host) {
            return new Config(dataDirectory, host, port, suffix, adminPassword, allowAnonymousRead, bindVerifier);
        }

        public Config withPort(int newPort) {
            return new Config(dataDirectory, bindHost, newPort, suffix, adminPassword, allowAnonymousRead,
                    bindVerifier);
        }

        public Config withSuffix(String newSuffix) {
            return new Config(dataDirectory, bindHost, port, newSuffix, adminPassword, allowAnonymousRead,
                    bindVerifier);
        }

        public Config withAllowAnonymousRead(boolean allow) {
            return new Config(dataDirectory, bindHost, port, suffix, adminPassword, allow, bindVerifier);
        }
    }

    /** Failure of the embedded directory; the cause carries the ApacheDS detail. */
    public static final class GalServerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public GalServerException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    /** Attributes the server manages on recipient entries; others (operational ones) are left alone. */
    private static final List<String> MANAGED = List.of("objectClass", "uid", "cn", "sn", "givenName",
            "displayName", "mail", AtriumSchema.AT_MAIL_ALIAS, AtriumSchema.AT_DOMAIN, AtriumSchema.AT_MAIL_ENABLED,
            AtriumSchema.AT_HIDE_FROM_GAL, "title", "departmentNumber", "telephoneNumber",
            "physicalDeliveryOfficeName", "manager", AtriumSchema.AT_MEMBER_MAIL, "member", "o", "mobile",
            "description", "l", AtriumSchema.AT_RESOURCE_TYPE, AtriumSchema.AT_RESOURCE_CAPACITY);
    /** Indexed attributes of the GAL partition: what address-book searches filter on. */
    private static final List<String> INDEXED = List.of("objectClass", "uid", "mail", "cn", "sn", "givenName",
            "displayName", "departmentNumber", AtriumSchema.AT_MAIL_ALIAS, AtriumSchema.AT_MEMBER_MAIL,
            AtriumSchema.AT_DOMAIN, AtriumSchema.AT_HIDE_FROM_GAL);

    private Config config;
    private DefaultDirectoryService service;
    private LdapServer ldapServer;
    private SchemaManager schemaManager;
    private Dn suffixDn;

    /** Starts the directory and the LDAP listener. */
    public synchronized void start(Config newConfig) {
        if (isRunning()) {
            throw new IllegalStateException("already running");
        }
        Objects.requireNonNull(newConfig, "config");
        try {
            Path root = newConfig.dataDirectory().resolve("ldap");
            Files.createDirectories(root);
            DefaultDirectoryService ds = new DefaultDirectoryService();
            InstanceLayout layout = new InstanceLayout(root.toFile());
            ds.setInstanceLayout(layout);
            ds.setInstanceId("atrium-gal");
            ds.setShutdownHookEnabled(false);
            ds.setExitVmOnShutdown(false);
            ds.setAccessControlEnabled(false);
            ds.setAllowAnonymousAccess(newConfig.allowAnonymousRead());

            File partitions = layout.getPartitionsDirectory();
            Files.createDirectories(partitions.toPath());
            File schemaDir = new File(partitions, "schema");
            SchemaLdifExtractor extractor = new DefaultSchemaLdifExtractor(partitions);
            if (!extractor.isExtracted()) {
                extractor.extractOrCopy();
            }
            installAtriumSchema(schemaDir.toPath());

            SchemaManager sm = new DefaultSchemaManager(new LdifSchemaLoader(schemaDir));
            sm.loadAllEnabled();
            if (!sm.getErrors().isEmpty()) {
                throw new IllegalStateException("schema errors: " + sm.getErrors());
            }
            if (!sm.isEnabled(AtriumSchema.SCHEMA_NAME)) {
                throw new IllegalStateException("the Atrium schema did not load");
            }
            for (LdapComparator<?> comparator : sm.getComparatorRegistry()) {
                if (comparator instanceof NormalizingComparator normalizing) {
                    normalizing.setOnServer();
                }
            }
            ds.setSchemaManager(sm);
            ds.setDnFactory(new DefaultDnFactory(sm, 10_000));

            LdifPartition schemaLdif = new LdifPartition(sm, ds.getDnFactory());
            schemaLdif.setPartitionPath(schemaDir.toURI());
            SchemaPartition schemaPartition = new SchemaPartition(sm);
            schemaPartition.setWrappedPartition(schemaLdif);
            ds.setSchemaPartition(schemaPartition);

            ds.setSystemPartition(jdbm(ds, "system", "ou=system", partitions, List.of("objectClass")));
            Dn suffix = new Dn(sm, newConfig.suffix());
            ds.addPartition(jdbm(ds, "gal", newConfig.suffix(), partitions, INDEXED));

            configureInterceptors(ds, suffix, newConfig.bindVerifier());
            ds.startup();

            this.service = ds;
            this.schemaManager = sm;
            this.suffixDn = suffix;
            this.config = newConfig;
            setAdminPassword(newConfig.adminPassword());
            ensureSuffix();

            LdapServer server = new LdapServer();
            server.setServiceName("atrium-gal");
            server.setDirectoryService(ds);
            server.setTransports(new TcpTransport(newConfig.bindHost(), newConfig.port()));
            MailBindRequestHandler bindHandler = new MailBindRequestHandler(this::resolveBindMail,
                    suffix.add(new Rdn(sm, "uid", "\u0000unknown")));
            bindHandler.setSaslMechanismHandlers(server.getSaslMechanismHandlers());
            server.setBindHandlers(bindHandler, new BindResponseHandler());
            server.start();
            this.ldapServer = server;
        } catch (Exception e) {
            stopQuietly();
            throw new GalServerException("cannot start the GAL directory: " + e.getMessage(), e);
        }
    }

    /** Stops the listener and the directory; the data stays on disk. No-op when not running. */
    public synchronized void stop() {
        if (service == null) {
            return;
        }
        try {
            if (ldapServer != null) {
                ldapServer.stop();
            }
            service.shutdown();
        } catch (Exception e) {
            throw new GalServerException("cannot stop the GAL directory cleanly", e);
        } finally {
            ldapServer = null;
            service = null;
        }
    }

    private void stopQuietly() {
        try {
            if (ldapServer != null) {
                ldapServer.stop();
            }
        } catch (RuntimeException ignored) {
            // already failing
        }
        try {
            if (service != null && service.isStarted()) {
                service.shutdown();
            }
        } catch (Exception ignored) {
            // already failing
        }
        ldapServer = null;
        service = null;
    }

    public synchronized boolean isRunning() {
        return ldapServer != null && ldapServer.isStarted();
    }

    /** The port the LDAP listener was configured with. */
    public synchronized int port() {
        if (config == null) {
            throw new IllegalStateException("never started");
        }
        return config.port();
    }

    /** The suffix the GAL is published under. */
    public synchronized String suffix() {
        return config == null ? Config.DEFAULT_SUFFIX : suffixDn.getName();
    }

    /** The DN the given recipient is published under. */
    public synchronized String dnOf(GalEntry entry) {
        requireRunning();
        return entryDn(entry.kind(), entry.domain(), entry.localId()).getName();
    }

    /**
     * Makes the GAL exactly the given recipients: adds and updates them, deletes every other recipient and the
     * DIT of domains that no longer have any. Idempotent; used at application start, so entries removed while
     * the server was down disappear too.
     */
    public synchronized void replaceAll(Collection<GalEntry> entries) {
        requireRunning();
        try {
            Map<Dn, GalEntry> desired = new LinkedHashMap<>();
            Map<String, Dn> byMail = new HashMap<>();
            Set<String> domains = new HashSet<>();
            for (GalEntry entry : entries) {
                Dn dn = entryDn(entry.kind(), entry.domain(), entry.localId());
                desired.put(dn, entry);
                byMail.put(entry.mail().toLowerCase(Locale.ROOT), dn);
                domains.add(entry.domain());
            }
            ensureSuffix();
            for (String domain : domains) {
                ensureDomain(domain);
            }
            for (Map.Entry<Dn, GalEntry> e : desired.entrySet()) {
                write(e.getKey(), e.getValue(), mail -> byMail.get(mail.toLowerCase(Locale.ROOT)));
            }
            for (Entry existing : search(suffixDn, SearchScope.SUBTREE, "(uid=*)", "1.1")) {
                Dn dn = existing.getDn();
                if (dn.size() == suffixDn.size() + 3 && !desired.containsKey(dn)) {
                    admin().delete(dn);
                }
            }
            for (Entry domainEntry : search(suffixDn, SearchScope.ONELEVEL, "(objectClass=organizationalUnit)",
                    "ou")) {
                String domain = domainEntry.getDn().getRdn().getValue().toLowerCase(Locale.ROOT);
                if (!domains.contains(domain)) {
                    deleteSubtree(domainEntry.getDn());
                }
            }
        } catch (Exception e) {
            throw failure("replaceAll", e);
        }
    }

    /** Adds or updates one recipient; another entry of the domain with the same primary mail is removed. */
    public synchronized void upsert(GalEntry entry) {
        requireRunning();
        try {
            ensureSuffix();
            ensureDomain(entry.domain());
            Dn dn = entryDn(entry.kind(), entry.domain(), entry.localId());
            for (Entry other : search(domainDn(entry.domain()), SearchScope.SUBTREE, mailFilter(entry.mail()),
                    "1.1")) {
                if (!other.getDn().equals(dn)) {
                    admin().delete(other.getDn());
                }
            }
            write(dn, entry, this::findRecipient);
        } catch (Exception e) {
            throw failure("upsert " + entry.mail(), e);
        }
    }

    /** Removes the recipient of that kind in that domain whose primary address is {@code mail}. */
    public synchronized boolean remove(GalEntry.Kind kind, String domain, String mail) {
        requireRunning();
        try {
            Dn container = containerDn(kind, domain);
            if (!admin().exists(container)) {
                return false;
            }
            List<Entry> found = search(container, SearchScope.ONELEVEL, mailFilter(mail), "1.1");
            for (Entry e : found) {
                admin().delete(e.getDn());
            }
            return !found.isEmpty();
        } catch (Exception e) {
            throw failure("remove " + mail, e);
        }
    }

    /**
     * Removes the recipient of that kind whose primary address is {@code mail} in whichever domain it is: a contact
     * (ADR 0017) lives under its address book's domain, which the address does not tell.
     */
    public synchronized boolean remove(GalEntry.Kind kind, String mail) {
        requireRunning();
        try {
            boolean any = false;
            for (Entry e : search(suffixDn, SearchScope.SUBTREE, mailFilter(mail), "1.1")) {
                Dn parent = e.getDn().getParent();
                if (parent.getRdn().getValue().equalsIgnoreCase(kind.container())
                        && parent.size() == suffixDn.size() + 2) {
                    admin().delete(e.getDn());
                    any = true;
                }
            }
            return any;
        } catch (Exception e) {
            throw failure("remove " + mail, e);
        }
    }

    // ---------------------------------------------------------------- setup

    /** Writes the Atrium meta-schema entries into the extracted schema tree, replacing an older copy. */
    private static void installAtriumSchema(Path schemaDir) throws Exception {
        Path ouSchema = schemaDir.resolve("ou=schema");
        Path dir = ouSchema.resolve("cn=" + AtriumSchema.SCHEMA_NAME);
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        String ldif = resource(AtriumSchema.APACHEDS_LDIF_RESOURCE);
        try (LdifReader reader = new LdifReader(new StringReader(ldif))) {
            for (LdifEntry ldifEntry : reader) {
                Path file = ouSchema.getParent();
                List<Rdn> rdns = new ArrayList<>(ldifEntry.getDn().getRdns());
                for (int i = rdns.size() - 1; i >= 0; i--) {
                    String name = rdns.get(i).getName().toLowerCase(Locale.ROOT);
                    file = i == 0 ? file.resolve(name + ".ldif") : file.resolve(name);
                }
                Files.createDirectories(file.getParent());
                Files.writeString(file, "version: 1\n" + LdifUtils.convertToLdif(ldifEntry.getEntry()),
                        StandardCharsets.UTF_8);
            }
        }
    }

    private static JdbmPartition jdbm(DefaultDirectoryService ds, String id, String suffix, File partitions,
                                      List<String> indexed) throws Exception {
        JdbmPartition partition = new JdbmPartition(ds.getSchemaManager(), ds.getDnFactory());
        partition.setId(id);
        partition.setSuffixDn(new Dn(ds.getSchemaManager(), suffix));
        partition.setPartitionPath(new File(partitions, id).toURI());
        partition.setCacheSize(1000);
        partition.setSyncOnWrite(true);
        Set<Index<?, String>> indexes = new HashSet<>();
        for (String attribute : indexed) {
            JdbmIndex<Object> index = new JdbmIndex<>(attribute, false);
            indexes.add(index);
        }
        partition.setIndexedAttributes(indexes);
        return partition;
    }

    private static void configureInterceptors(DefaultDirectoryService ds, Dn suffix, BindVerifier verifier) {
        List<Interceptor> interceptors = new ArrayList<>(ds.getInterceptors());
        int at = -1;
        for (int i = 0; i < interceptors.size(); i++) {
            if (interceptors.get(i) instanceof AuthenticationInterceptor authn) {
                authn.setAuthenticators(new org.apache.directory.server.core.authn.Authenticator[] {
                        new AnonymousAuthenticator(), new SimpleAuthenticator(),
                        new VerifierAuthenticator(suffix, verifier)});
                at = i;
            }
        }
        if (at < 0) {
            throw new IllegalStateException("no AuthenticationInterceptor in the ApacheDS chain");
        }
        Dn subschema;
        try {
            subschema = new Dn(ds.getSchemaManager(), "cn=schema");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        interceptors.add(at + 1, new GalAccessInterceptor(suffix, subschema));
        ds.setInterceptors(interceptors);
    }

    private void setAdminPassword(String password) throws Exception {
        Dn adminDn = new Dn(schemaManager, "uid=admin,ou=system");
        Entry admin = admin().lookup(adminDn, "userPassword");
        byte[] wanted = password.getBytes(StandardCharsets.UTF_8);
        Attribute current = admin == null ? null : admin.get("userPassword");
        if (current != null) {
            for (Value value : current) {
                if (PasswordUtil.compareCredentials(wanted, value.getBytes())) {
                    return;
                }
            }
        }
        AttributeType userPassword = schemaManager.lookupAttributeTypeRegistry("userPassword");
        admin().modify(adminDn, new DefaultModification(ModificationOperation.REPLACE_ATTRIBUTE, userPassword,
                PasswordUtil.createStoragePassword(wanted, LdapSecurityConstants.HASH_METHOD_SSHA256)));
    }

    private void ensureSuffix() throws Exception {
        if (admin().exists(suffixDn)) {
            return;
        }
        Rdn rdn = suffixDn.getRdn();
        String type = rdn.getNormType();
        Entry entry = new DefaultEntry(schemaManager, suffixDn);
        entry.add("objectClass", "top");
        String objectClass = switch (schemaManager.lookupAttributeTypeRegistry(type).getName().toLowerCase(Locale.ROOT)) {
            case "o" -> "organization";
            case "dc" -> "domain";
            case "ou" -> "organizationalUnit";
            default -> throw new IllegalArgumentException("suffix must start with o=, dc= or ou=: " + suffixDn);
        };
        entry.add("objectClass", objectClass);
        entry.add(rdn.getType(), rdn.getValue());
        entry.add("description", "Atrium global address list");
        admin().add(entry);
    }

    private void ensureDomain(String domain) throws Exception {
        Dn domainDn = domainDn(domain);
        if (admin().exists(containerDn(GalEntry.Kind.PUBLIC_FOLDER, domain))) {
            return;
        }
        String ldif = resource(AtriumSchema.DOMAIN_TEMPLATE_RESOURCE)
                .replace(AtriumSchema.SUFFIX_PLACEHOLDER, suffixDn.getName())
                .replace(AtriumSchema.DOMAIN_PLACEHOLDER, domain);
        try (LdifReader reader = new LdifReader(new StringReader(ldif))) {
            for (LdifEntry ldifEntry : reader) {
                Entry entry = new DefaultEntry(schemaManager, ldifEntry.getEntry());
                if (!admin().exists(entry.getDn())) {
                    admin().add(entry);
                }
            }
        }
        if (!admin().exists(domainDn)) {
            throw new IllegalStateException("domain template did not create " + domainDn);
        }
    }

    // ---------------------------------------------------------------- mapping

    private Dn domainDn(String domain) throws Exception {
        String d = domain.toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(d).matches()) {
            throw new IllegalArgumentException("not a domain name: " + domain);
        }
        return suffixDn.add(new Rdn(schemaManager, "ou", d));
    }

    private Dn containerDn(GalEntry.Kind kind, String domain) throws Exception {
        return domainDn(domain).add(new Rdn(schemaManager, "ou", kind.container()));
    }

    private Dn entryDn(GalEntry.Kind kind, String domain, String localId) {
        try {
            return containerDn(kind, domain).add(new Rdn(schemaManager, "uid", localId));
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot build a DN for " + localId + "@" + domain, e);
        }
    }

    private Entry toEntry(Dn dn, GalEntry g, Function<String, Dn> resolver) throws Exception {
        Entry e = new DefaultEntry(schemaManager, dn);
        String cn = firstNonBlank(g.displayName(), join(g.givenName(), g.surname()), g.localId());
        e.add("objectClass", "top");
        switch (g.kind()) {
            case USER, CONTACT, RESOURCE -> {
                e.add("objectClass", "person", "organizationalPerson", "inetOrgPerson");
                e.add("objectClass", switch (g.kind()) {
                    case USER -> AtriumSchema.OC_MAIL_USER;
                    case CONTACT -> AtriumSchema.OC_MAIL_CONTACT;
                    default -> AtriumSchema.OC_RESOURCE;
                });
                e.add("sn", firstNonBlank(g.surname(), cn));
                put(e, "givenName", g.givenName());
                put(e, "title", g.title());
                put(e, "telephoneNumber", g.phone());
                put(e, "physicalDeliveryOfficeName", g.office());
                put(e, "o", g.company());
                put(e, "mobile", g.mobile());
                put(e, "description", g.notes());
                if (g.kind() == GalEntry.Kind.RESOURCE) {
                    put(e, AtriumSchema.AT_RESOURCE_TYPE, g.resourceType());
                    put(e, "l", g.location());
                    if (g.resourceCapacity() != null) {
                        e.add(AtriumSchema.AT_RESOURCE_CAPACITY, g.resourceCapacity().toString());
                    }
                }
                if (g.managerMail() != null) {
                    Dn manager = resolver.apply(g.managerMail());
                    if (manager != null) {
                        e.add("manager", manager.getName());
                    }
                }
            }
            case GROUP -> {
                e.add("objectClass", AtriumSchema.OC_MAIL_GROUP);
                Set<String> members = new java.util.LinkedHashSet<>();
                for (String member : g.memberMails()) {
                    e.add(AtriumSchema.AT_MEMBER_MAIL, member);
                    Dn memberDn = resolver.apply(member);
                    if (memberDn != null) {
                        members.add(memberDn.getName());
                    }
                }
                if (!members.isEmpty()) {
                    e.add("member", members.toArray(String[]::new));
                }
            }
            case PUBLIC_FOLDER -> e.add("objectClass", AtriumSchema.OC_PUBLIC_FOLDER);
        }
        e.add("uid", g.localId());
        e.add("cn", cn);
        put(e, "displayName", g.displayName());
        e.add("mail", g.mail());
        for (String alias : g.aliases()) {
            e.add(AtriumSchema.AT_MAIL_ALIAS, alias);
        }
        e.add(AtriumSchema.AT_DOMAIN, g.domain());
        if (g.kind() != GalEntry.Kind.CONTACT) {
            e.add(AtriumSchema.AT_MAIL_ENABLED, "TRUE");
        }
        if (g.hidden()) {
            e.add(AtriumSchema.AT_HIDE_FROM_GAL, "TRUE");
        }
        if (g.kind() != GalEntry.Kind.PUBLIC_FOLDER) {
            put(e, "departmentNumber", g.department());
        }
        return e;
    }

    private void write(Dn dn, GalEntry g, Function<String, Dn> resolver) throws Exception {
        Entry target = toEntry(dn, g, resolver);
        Entry current = admin().exists(dn) ? admin().lookup(dn, "*") : null;
        if (current == null) {
            admin().add(target);
            return;
        }
        List<Modification> mods = new ArrayList<>();
        for (String id : MANAGED) {
            Attribute want = target.get(id);
            Attribute have = current.get(id);
            if (want == null && have != null) {
                mods.add(new DefaultModification(ModificationOperation.REMOVE_ATTRIBUTE, have.getAttributeType()));
            } else if (want != null && !want.equals(have)) {
                mods.add(new DefaultModification(ModificationOperation.REPLACE_ATTRIBUTE, want));
            }
        }
        if (!mods.isEmpty()) {
            admin().modify(dn, mods);
        }
    }

    // ---------------------------------------------------------------- look-ups

    /** A bind name that is an address: the mailbox user with that mail or alias, if exactly one. */
    private Dn resolveBindMail(String mail) {
        synchronized (this) {
            if (service == null) {
                return null;
            }
        }
        try {
            String v = FilterEncoder.encodeFilterValue(mail);
            List<Entry> found = search(suffixDn, SearchScope.SUBTREE, "(&(objectClass=" + AtriumSchema.OC_MAIL_USER
                    + ")(|(mail=" + v + ")(" + AtriumSchema.AT_MAIL_ALIAS + "=" + v + ")))", "1.1");
            return found.size() == 1 ? found.get(0).getDn() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** Any recipient whose primary mail is the given address (manager, group member). */
    private Dn findRecipient(String mail) {
        try {
            List<Entry> found = search(suffixDn, SearchScope.SUBTREE, mailFilter(mail), "1.1");
            return found.size() == 1 ? found.get(0).getDn() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String mailFilter(String mail) {
        return "(&(uid=*)(mail=" + FilterEncoder.encodeFilterValue(mail) + "))";
    }

    private List<Entry> search(Dn base, SearchScope scope, String filter, String... attributes) throws Exception {
        List<Entry> result = new ArrayList<>();
        try (Cursor<Entry> cursor = admin().search(base, scope, FilterParser.parse(schemaManager, filter),
                AliasDerefMode.NEVER_DEREF_ALIASES, attributes)) {
            while (cursor.next()) {
                result.add(cursor.get());
            }
        }
        return result;
    }

    private void deleteSubtree(Dn dn) throws Exception {
        for (Entry child : search(dn, SearchScope.ONELEVEL, "(objectClass=*)", "1.1")) {
            deleteSubtree(child.getDn());
        }
        admin().delete(dn);
    }

    private CoreSession admin() {
        return service.getAdminSession();
    }

    private void requireRunning() {
        if (service == null) {
            throw new IllegalStateException("the GAL directory is not running");
        }
    }

    private static GalServerException failure(String what, Exception e) {
        return new GalServerException(what + " failed: " + e.getMessage(), e);
    }

    private static String resource(String name) {
        try (InputStream in = EmbeddedGalServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name + " (atrium-directory-schema jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(Entry e, String attribute, String value) throws Exception {
        if (value != null && !value.isBlank()) {
            e.add(attribute, value.strip());
        }
    }

    private static String join(String a, String b) {
        String joined = ((a == null ? "" : a) + " " + (b == null ? "" : b)).strip();
        return joined.isEmpty() ? null : joined;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
