package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V11 and the statements of {@link DefaultDomainAdminService} (ADR 0015) on H2 after the real migrations: one grant
 * per account and domain, both lists, and grants that go with their account or domain.
 */
class DomainAdminSqlTest {

    private static final String URL = "jdbc:h2:mem:domain-admin-sql-test;DB_CLOSE_DELAY=-1";

    @BeforeAll
    static void migrate() {
        Flyway.configure(DomainAdminSqlTest.class.getClassLoader()).dataSource(URL, "sa", "")
                .locations("classpath:db/migration").load().migrate();
    }

    /** JPA's numbered parameters ({@code ?1}) as JDBC's. */
    private static PreparedStatement prepare(Connection c, String jpa, Object... args) throws SQLException {
        PreparedStatement p = c.prepareStatement(jpa.replaceAll("\\?\\d", "?"));
        for (int i = 0; i < args.length; i++) {
            p.setObject(i + 1, args[i]);
        }
        return p;
    }

    private static long id(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<String> strings(Connection c, String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = prepare(c, sql, args); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private static void grant(Connection c, long account, long domain, Instant at) throws SQLException {
        try (PreparedStatement p = prepare(c, DefaultDomainAdminService.INSERT, account, domain,
                at.atOffset(ZoneOffset.UTC))) {
            p.executeUpdate();
        }
    }

    @Test
    void grantsAreListedBothWaysAndGoWithTheirAccountOrDomain() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            for (String d : List.of("one.test", "two.test")) {
                s.execute("INSERT INTO domain (name, created_at) VALUES ('" + d + "', CURRENT_TIMESTAMP)");
            }
            for (String a : List.of("boss@one.test", "zed@one.test")) {
                s.execute("INSERT INTO account (domain_id, local_part, address, admin, enabled, created_at, version) "
                        + "SELECT id, '" + a.substring(0, a.indexOf('@')) + "', '" + a + "', FALSE, TRUE, "
                        + "CURRENT_TIMESTAMP, 0 FROM domain WHERE name = 'one.test'");
            }
            long one = id(s, "SELECT id FROM domain WHERE name = 'one.test'");
            long two = id(s, "SELECT id FROM domain WHERE name = 'two.test'");
            long boss = id(s, "SELECT id FROM account WHERE address = 'boss@one.test'");
            long zed = id(s, "SELECT id FROM account WHERE address = 'zed@one.test'");
            Instant at = Instant.parse("2026-12-02T03:00:00.123456Z");
            grant(c, boss, two, at);
            grant(c, boss, one, at);
            grant(c, zed, one, at);
            assertThrows(SQLException.class, () -> grant(c, boss, one, at), "one grant per account and domain");

            assertEquals(List.of("one.test", "two.test"), strings(c, DefaultDomainAdminService.DOMAINS_OF,
                    "boss@one.test"));
            assertEquals(List.of("boss@one.test", "zed@one.test"), strings(c, DefaultDomainAdminService.ADMINS, one));
            try (PreparedStatement p = prepare(c, DefaultDomainAdminService.GRANTED_AT, boss, two);
                    ResultSet r = p.executeQuery()) {
                r.next();
                assertEquals(at, TrackingSql.instant(r.getObject(1, OffsetDateTime.class)));
            }

            try (PreparedStatement p = prepare(c, DefaultDomainAdminService.DELETE, zed, one)) {
                assertEquals(1, p.executeUpdate());
            }
            assertEquals(List.of("boss@one.test"), strings(c, DefaultDomainAdminService.ADMINS, one));

            s.execute("DELETE FROM domain WHERE name = 'two.test'");
            assertEquals(List.of("one.test"), strings(c, DefaultDomainAdminService.DOMAINS_OF, "boss@one.test"));
            s.execute("DELETE FROM account WHERE address = 'boss@one.test'");
            assertEquals(List.of(), strings(c, DefaultDomainAdminService.ADMINS, one));
        }
    }
}
