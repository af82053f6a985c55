package org.atrium.store.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.ClassOfService;
import org.atrium.store.domain.AuditEvent;
import org.atrium.store.domain.Domain;
import org.atrium.store.domain.DomainAlias;
import org.atrium.store.domain.ExpungedItem;
import org.atrium.store.domain.Folder;
import org.atrium.store.domain.FolderAcl;
import org.atrium.store.domain.FolderAddress;
import org.atrium.store.domain.FolderSubscription;
import org.atrium.store.domain.InboundMessage;
import org.atrium.store.domain.InboundRecipient;
import org.atrium.store.domain.ItemSeen;
import org.atrium.store.domain.MailItem;
import org.atrium.store.domain.MessageContent;
import org.atrium.store.domain.OutboundMessage;
import org.atrium.store.domain.OutboundRecipient;
import org.atrium.store.domain.TrackingEvent;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Flyway scripts run on H2 2.2 and, when {@code -Datrium.test.postgres.url=jdbc:postgresql://host:port/db} (plus
 * {@code .user}, {@code .password}) names an empty scratch database, on PostgreSQL; and every column the entities
 * IMAP uses map exists in the migrated schema, so a field added without a migration fails here and not at deploy.
 */
class MigrationSchemaTest {

    private static final String H2 = "jdbc:h2:mem:migration-test;DB_CLOSE_DELAY=-1";

    /** A database to migrate, with its credentials. */
    record Db(String url, String user, String password) {
        Connection connect() throws Exception {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public String toString() {
            return url.startsWith("jdbc:h2") ? "H2" : "PostgreSQL";
        }
    }

    static List<Db> databases() {
        List<Db> out = new ArrayList<>(List.of(new Db(H2, "sa", "")));
        String pg = System.getProperty("atrium.test.postgres.url");
        if (pg != null && !pg.isBlank()) {
            out.add(new Db(pg, System.getProperty("atrium.test.postgres.user", "postgres"),
                    System.getProperty("atrium.test.postgres.password", "")));
        }
        return out;
    }

    @BeforeAll
    static void migrate() {
        for (Db db : databases()) {
            Flyway.configure(MigrationSchemaTest.class.getClassLoader()).dataSource(db.url(), db.user(),
                    db.password()).locations("classpath:db/migration").load().migrate();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyMappedColumnExists(Db db) throws Exception {
        try (Connection c = db.connect()) {
            for (Class<?> entity : List.of(Account.class, Folder.class, MailItem.class, MessageContent.class,
                    ExpungedItem.class, FolderAcl.class, ItemSeen.class, FolderSubscription.class,
                    FolderAddress.class, AuditEvent.class, Domain.class, DomainAlias.class, InboundMessage.class,
                    InboundRecipient.class, OutboundMessage.class, OutboundRecipient.class, TrackingEvent.class,
                    org.atrium.store.domain.Contact.class, org.atrium.store.domain.ResourceInfo.class,
                    ClassOfService.class)) {
                assertTrue(entity.isAnnotationPresent(Entity.class));
                String table = entity.getAnnotation(Table.class).name();
                Set<String> actual = columns(c, table);
                for (String expected : mappedColumns(entity)) {
                    assertTrue(actual.contains(expected), table + "." + expected + " is mapped but not migrated");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void imapAdditionsBehave(Db db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO domain (name, created_at) VALUES ('m.test', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO account (domain_id, local_part, address, admin, enabled, created_at, version) "
                    + "SELECT id, 'u', 'u@m.test', FALSE, TRUE, CURRENT_TIMESTAMP, 0 FROM domain "
                    + "WHERE name = 'm.test'");
            s.execute("INSERT INTO folder (owner_id, name, path, uid_validity, uid_next, highest_modseq, subscribed, "
                    + "created_at) SELECT id, 'INBOX', 'INBOX', 1, 1, 1, TRUE, CURRENT_TIMESTAMP FROM account "
                    + "WHERE address = 'u@m.test'");
            try (ResultSet r = s.executeQuery("SELECT f.recent_uid, a.quota_bytes, a.quota_messages FROM folder f "
                    + "JOIN account a ON a.id = f.owner_id WHERE a.address = 'u@m.test'")) {
                assertTrue(r.next());
                assertEquals(0, r.getLong(1), "existing and new folders start with nothing claimed as \\Recent");
                r.getLong(2);
                assertTrue(r.wasNull(), "no quota of its own");
            }
            s.execute("INSERT INTO expunged_item (folder_id, uid, modseq) SELECT id, 5, 9 FROM folder "
                    + "WHERE path = 'INBOX'");
            s.execute("INSERT INTO folder_acl (folder_id, identifier, rights) SELECT id, 'anyone', 'lr' FROM folder "
                + "WHERE path = 'INBOX'");
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO folder_acl (folder_id, identifier, rights) "
                    + "SELECT id, 'anyone', 'l' FROM folder WHERE path = 'INBOX'"), "one entry per identifier");
            s.execute("DELETE FROM folder WHERE path = 'INBOX'");
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM expunged_item")) {
                assertTrue(r.next());
                assertEquals(0, r.getLong(1), "the history goes with its folder");
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM folder_acl")) {
                assertTrue(r.next());
                assertEquals(0, r.getLong(1), "the ACL goes with its folder (RFC 4314 entries of a deleted folder)");
            }
            s.execute("DELETE FROM account WHERE address = 'u@m.test'");
            s.execute("DELETE FROM domain WHERE name = 'm.test'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDomainAliasBelongsToOneDomain(Db db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO domain (name, created_at) VALUES ('alias-owner.test', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO domain_alias (name, domain_id, created_at) SELECT 'other.test', id, "
                    + "CURRENT_TIMESTAMP FROM domain WHERE name = 'alias-owner.test'");
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO domain_alias (name, domain_id, created_at) "
                    + "SELECT 'other.test', id, CURRENT_TIMESTAMP FROM domain WHERE name = 'alias-owner.test'"),
                    "an alias names one domain");
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO domain_alias (name, domain_id, created_at) "
                    + "VALUES ('third.test', -1, CURRENT_TIMESTAMP)"), "only of a domain that exists");
            assertThrows(SQLException.class, () -> s.execute("DELETE FROM domain WHERE name = 'alias-owner.test'"),
                    "a domain with aliases is not removed behind the service's back");
            s.execute("DELETE FROM domain_alias WHERE name = 'other.test'");
            s.execute("DELETE FROM domain WHERE name = 'alias-owner.test'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void contactsAndResourcesBehave(Db db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO domain (name, created_at) VALUES ('cr.test', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO contact (domain_id, address, display_name, notes, created_at) SELECT id, "
                    + "'ann@partner.example', 'Ann', 'line one', CURRENT_TIMESTAMP FROM domain WHERE name = 'cr.test'");
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO contact (domain_id, address, created_at) "
                    + "SELECT id, 'ann@partner.example', CURRENT_TIMESTAMP FROM domain WHERE name = 'cr.test'"),
                    "one contact per address over all address books");
            s.execute("INSERT INTO account (domain_id, local_part, address, kind, admin, enabled, created_at, version) "
                    + "SELECT id, 'room', 'room@cr.test', 'RESOURCE', FALSE, TRUE, CURRENT_TIMESTAMP, 0 FROM domain "
                    + "WHERE name = 'cr.test'");
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO resource (account_id, type) SELECT id, "
                    + "'CAR' FROM account WHERE address = 'room@cr.test'"), "ROOM or EQUIPMENT only");
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO resource (account_id, type, capacity) "
                    + "SELECT id, 'ROOM', -1 FROM account WHERE address = 'room@cr.test'"), "no negative capacity");
            s.execute("INSERT INTO resource (account_id, type, capacity, location) SELECT id, 'ROOM', 12, 'Floor 2' "
                    + "FROM account WHERE address = 'room@cr.test'");
            s.execute("INSERT INTO folder (owner_id, name, path, uid_validity, uid_next, highest_modseq, subscribed, "
                    + "created_at) SELECT id, 'INBOX', 'INBOX', 1, 1, 1, TRUE, CURRENT_TIMESTAMP FROM account "
                    + "WHERE address = 'room@cr.test'");
            s.execute("INSERT INTO folder (owner_id, parent_id, name, path, uid_validity, uid_next, highest_modseq, "
                    + "subscribed, created_at) SELECT a.id, f.id, 'Sub', 'INBOX/Sub', 1, 1, 1, TRUE, CURRENT_TIMESTAMP "
                    + "FROM account a JOIN folder f ON f.owner_id = a.id WHERE a.address = 'room@cr.test'");
            // the statements DefaultResourceService.remove runs
            long id;
            try (ResultSet r = s.executeQuery("SELECT id FROM account WHERE address = 'room@cr.test'")) {
                assertTrue(r.next());
                id = r.getLong(1);
            }
            s.execute("UPDATE folder SET parent_id = NULL WHERE owner_id = " + id);
            s.execute("DELETE FROM resource WHERE account_id = " + id);
            s.execute("DELETE FROM account WHERE id = " + id);
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM folder WHERE owner_id = " + id)) {
                assertTrue(r.next());
                assertEquals(0, r.getLong(1), "the folders go with the resource's account");
            }
            s.execute("DELETE FROM contact WHERE address = 'ann@partner.example'");
            s.execute("DELETE FROM domain WHERE name = 'cr.test'");
        }
    }

    private static Set<String> columns(Connection c, String table) throws Exception {
        Set<String> out = new HashSet<>();
        String name = c.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        try (ResultSet r = c.getMetaData().getColumns(null, null, name, null)) {
            while (r.next()) {
                out.add(r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        assertTrue(!out.isEmpty(), "table " + table + " exists");
        return out;
    }

    /** Column names as JPA derives them: {@code @Column(name)}, {@code @JoinColumn(name)}, else the field name. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void outboundEntriesHoldTheirRecipientsAndGoWithThem(Db db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO message_content (blob_hash, size, ref_count, metadata, created_at) VALUES ("
                    + "'" + "a".repeat(64) + "', 10, 1, '{}', CURRENT_TIMESTAMP)");
            String content = "(SELECT MAX(id) FROM message_content)";
            s.execute("INSERT INTO outbound_message (queue_id, content_id, reverse_path, domain, envid, ret, "
                    + "received_at, state, attempts, next_attempt_at, expires_at) VALUES ('OUT1', " + content
                    + ", 'a@m.test', 'example.org', 'E1', 'HDRS', CURRENT_TIMESTAMP, 'QUEUED', 0, CURRENT_TIMESTAMP, "
                    + "CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO outbound_recipient (message_id, address, notify, orcpt, state) SELECT id, "
                    + "'b@example.org', 'SUCCESS,FAILURE', 'rfc822;b@example.org', 'PENDING' FROM outbound_message "
                    + "WHERE queue_id = 'OUT1'");
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO outbound_message (queue_id, content_id, "
                    + "reverse_path, domain, received_at, state, attempts, next_attempt_at, expires_at) VALUES ("
                    + "'OUT1', " + content + ", '', 'x.org', CURRENT_TIMESTAMP, 'QUEUED', 0, CURRENT_TIMESTAMP, "
                    + "CURRENT_TIMESTAMP)"), "queue ids are unique");
            s.execute("DELETE FROM outbound_message WHERE queue_id = 'OUT1'");
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM outbound_recipient")) {
                assertTrue(r.next());
                assertEquals(0, r.getLong(1), "recipients go with their entry");
            }
        }
    }

    private static List<String> mappedColumns(Class<?> entity) {
        List<String> out = new ArrayList<>();
        for (Field f : entity.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.isAnnotationPresent(Transient.class)
                    || f.isAnnotationPresent(jakarta.persistence.OneToMany.class)) {
                continue;
            }
            Column col = f.getAnnotation(Column.class);
            JoinColumn join = f.getAnnotation(JoinColumn.class);
            if (join != null) {
                out.add(join.name());
            } else if (col != null && !col.name().isEmpty()) {
                out.add(col.name());
            } else {
                out.add(f.getName().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
