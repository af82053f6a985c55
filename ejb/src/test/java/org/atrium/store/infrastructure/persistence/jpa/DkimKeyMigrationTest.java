package org.atrium.store.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Column;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.atrium.store.domain.DkimKey;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** V10 (ADR 0013): the DKIM key table matches its entity, one selector per domain, keys go with their domain. */
class DkimKeyMigrationTest {

    private static final String URL = "jdbc:h2:mem:dkim-migration-test;DB_CLOSE_DELAY=-1";

    @BeforeAll
    static void migrate() {
        Flyway.configure(DkimKeyMigrationTest.class.getClassLoader()).dataSource(URL, "sa", "")
                .locations("classpath:db/migration").load().migrate();
    }

    @Test
    void everyMappedColumnExists() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
            String table = DkimKey.class.getAnnotation(Table.class).name();
            Set<String> actual = new HashSet<>();
            try (ResultSet r = c.getMetaData().getColumns(null, null, table.toUpperCase(Locale.ROOT), null)) {
                while (r.next()) {
                    actual.add(r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            int mapped = 0;
            for (Field f : DkimKey.class.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                Column col = f.getAnnotation(Column.class);
                JoinColumn join = f.getAnnotation(JoinColumn.class);
                String name = join != null ? join.name()
                        : col != null && !col.name().isEmpty() ? col.name() : f.getName().toLowerCase(Locale.ROOT);
                assertTrue(actual.contains(name), table + "." + name + " is mapped but not migrated");
                mapped++;
            }
            assertEquals(actual.size(), mapped, "every column is mapped: " + actual);
        }
    }

    @Test
    void oneSelectorPerDomainAndKeysGoWithTheirDomain() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO domain (name, created_at) VALUES ('dkim.test', CURRENT_TIMESTAMP)");
            String insert = "INSERT INTO dkim_key (domain_id, selector, private_key, public_key, created_at, active) "
                    + "SELECT id, 'atrium202612', 'priv', 'pub', CURRENT_TIMESTAMP, TRUE FROM domain "
                    + "WHERE name = 'dkim.test'";
            s.execute(insert);
            assertThrows(SQLException.class, () -> s.execute(insert), "a selector names one key of a domain");
            s.execute("DELETE FROM domain WHERE name = 'dkim.test'");
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM dkim_key")) {
                r.next();
                assertEquals(0, r.getLong(1), "the keys of a removed domain are removed with it");
            }
        }
    }
}
