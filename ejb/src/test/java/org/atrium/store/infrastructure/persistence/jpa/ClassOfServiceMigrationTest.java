package org.atrium.store.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V12 (ADR 0016): profile names are unique, and the database itself refuses to delete a profile still assigned
 * (no ON DELETE action), so a removed profile can never silently change anyone's quota or protocols.
 */
class ClassOfServiceMigrationTest {

    private static final String URL = "jdbc:h2:mem:cos-migration-test;DB_CLOSE_DELAY=-1";

    @BeforeAll
    static void migrate() {
        Flyway.configure(ClassOfServiceMigrationTest.class.getClassLoader()).dataSource(URL, "sa", "")
                .locations("classpath:db/migration").load().migrate();
    }

    private static final String PROFILE = "INSERT INTO class_of_service (name, imap, pop3, submission, "
            + "public_folders, delegation, created_at, version) "
            + "VALUES ('imap-only', TRUE, FALSE, FALSE, TRUE, TRUE, CURRENT_TIMESTAMP, 0)";

    @Test
    void anAssignedProfileCannotBeDeletedAndNamesAreUnique() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.execute(PROFILE);
            assertThrows(SQLException.class, () -> s.execute(PROFILE), "one profile per name");
            s.execute("INSERT INTO domain (name, created_at) VALUES ('cos.test', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO account (domain_id, local_part, address, admin, enabled, created_at, version, "
                    + "cos_id) SELECT d.id, 'u', 'u@cos.test', FALSE, TRUE, CURRENT_TIMESTAMP, 0, c.id "
                    + "FROM domain d, class_of_service c WHERE d.name = 'cos.test' AND c.name = 'imap-only'");
            assertThrows(SQLException.class, () -> s.execute("DELETE FROM class_of_service WHERE name = 'imap-only'"),
                    "still assigned");
            s.execute("UPDATE account SET cos_id = NULL WHERE address = 'u@cos.test'");
            s.execute("DELETE FROM class_of_service WHERE name = 'imap-only'");
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM class_of_service")) {
                r.next();
                assertEquals(0, r.getLong(1));
            }
        }
    }
}
