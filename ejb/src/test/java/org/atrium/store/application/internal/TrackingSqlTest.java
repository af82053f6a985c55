package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;
import org.atrium.store.application.StorageUsage;
import org.atrium.store.application.StoreException;
import org.atrium.store.application.TrackingEntryView;
import org.atrium.store.application.TrackingQuery;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statements of {@link DefaultTrackingService} and {@link DefaultStorageService}, run as they are on the schema
 * the Flyway scripts build on H2 (and on PostgreSQL when {@code -Datrium.test.postgres.url} names an empty scratch
 * database, as for MigrationSchemaTest): filters, case, paging, newest first, UTC hours with zero-filled gaps.
 */
class TrackingSqlTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:15:00Z");
    private static Connection db;
    private static TimeZone savedZone;

    @BeforeAll
    static void migrateAndFill() throws Exception {
        // A session time zone far from UTC: the hourly buckets must still be UTC hours.
        savedZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        String pg = System.getProperty("atrium.test.postgres.url");
        String url = pg != null && !pg.isBlank() ? pg : "jdbc:h2:mem:tracking-test;DB_CLOSE_DELAY=-1";
        String user = pg != null && !pg.isBlank() ? System.getProperty("atrium.test.postgres.user", "postgres") : "sa";
        String password = pg != null && !pg.isBlank() ? System.getProperty("atrium.test.postgres.password", "") : "";
        Flyway.configure(TrackingSqlTest.class.getClassLoader()).dataSource(url, user, password)
                .locations("classpath:db/migration").load().migrate();
        db = DriverManager.getConnection(url, user, password);
        try (Statement s = db.createStatement()) {
            s.executeUpdate("DELETE FROM tracking_event");
        }
        // q1: two recipients received and delivered; q2: relayed after a deferral; q3 an hour later, failed.
        event(T0, "RECEIVED", "Q1", "<A1@x.test>", "Sender@Ext.test", "alice@atrium.test");
        event(T0, "RECEIVED", "Q1", "<A1@x.test>", "Sender@Ext.test", "bob@atrium.test");
        event(T0.plusSeconds(1), "DELIVERED", "Q1", "<A1@x.test>", "Sender@Ext.test", "Alice@Atrium.test");
        event(T0.plusSeconds(2), "DELIVERED", "Q1", "<A1@x.test>", "Sender@Ext.test", "bob@atrium.test");
        event(T0.plusSeconds(60), "RECEIVED", "Q2", "<b2@x.test>", "alice@atrium.test", "carol@far.test");
        event(T0.plusSeconds(120), "DEFERRED", "Q2", "<b2@x.test>", "alice@atrium.test", "carol@far.test");
        event(T0.plusSeconds(2 * 3600 + 5), "RELAYED", "Q2", "<b2@x.test>", "alice@atrium.test", "carol@far.test");
        event(T0.plusSeconds(3 * 3600), "FAILED", "Q3", null, "", "dave@far.test");
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
        TimeZone.setDefault(savedZone);
    }

    private static void event(Instant at, String kind, String queueId, String messageId, String sender,
            String recipient) throws Exception {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO tracking_event (at, event, queue_id, message_id, "
                + "sender, recipient, remote, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setObject(1, at.atOffset(ZoneOffset.UTC));
            p.setString(2, kind);
            p.setString(3, queueId);
            p.setString(4, messageId);
            p.setString(5, sender);
            p.setString(6, recipient);
            p.setString(7, "192.0.2.1");
            p.setString(8, kind.toLowerCase());
            p.executeUpdate();
        }
    }

    private static List<Object[]> run(TrackingSql.Statement s) throws Exception {
        try (PreparedStatement p = db.prepareStatement(s.sql())) {
            for (int i = 0; i < s.parameters().size(); i++) {
                p.setObject(i + 1, s.parameters().get(i));
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] r = new Object[n];
                    for (int i = 0; i < n; i++) {
                        r[i] = rs.getObject(i + 1);
                    }
                    rows.add(r);
                }
            }
            return rows;
        }
    }

    private static List<TrackingEntryView> search(TrackingQuery q) throws Exception {
        return run(TrackingSql.search(q, false)).stream().map(TrackingSql::entry).toList();
    }

    private static TrackingQuery query(Function<Q, Q> f) {
        return f.apply(new Q()).build();
    }

    /** A builder for the tests' queries. */
    static final class Q {
        String sender;
        String recipient;
        String messageId;
        String queueId;
        Instant from;
        Instant to;
        String outcome;
        int offset;
        int limit = 100;

        TrackingQuery build() {
            return new TrackingQuery(sender, recipient, messageId, queueId, from, to, outcome, offset, limit);
        }
    }

    private static List<String> kinds(List<TrackingEntryView> rows) {
        return rows.stream().map(TrackingEntryView::event).toList();
    }

    @Test
    void everythingNewestFirst() throws Exception {
        List<TrackingEntryView> all = search(query(q -> q));
        assertEquals(List.of("FAILED", "RELAYED", "DEFERRED", "RECEIVED", "DELIVERED", "DELIVERED", "RECEIVED",
                "RECEIVED"), kinds(all));
        TrackingEntryView failed = all.get(0);
        assertEquals(T0.plusSeconds(3 * 3600), failed.at());
        assertEquals("Q3", failed.queueId());
        assertEquals("dave@far.test", failed.recipient());
        assertEquals("192.0.2.1", failed.remote());
        assertEquals("failed", failed.detail());
        assertTrue(all.get(6).id() > all.get(7).id(), "same instant: the later row first");
    }

    @Test
    void addressesMatchExactlyWhateverTheCase() throws Exception {
        List<TrackingEntryView> alice = search(query(q -> {
            q.recipient = " ALICE@atrium.TEST ";
            return q;
        }));
        assertEquals(List.of("DELIVERED", "RECEIVED"), kinds(alice));
        assertEquals("Alice@Atrium.test", alice.get(0).recipient());
        assertEquals(0, search(query(q -> {
            q.recipient = "alice@atrium";
            return q;
        })).size(), "no prefix match");
        assertEquals(4, search(query(q -> {
            q.sender = "sender@ext.test";
            return q;
        })).size());
        assertEquals(List.of("RECEIVED"), kinds(search(query(q -> {
            q.sender = "sender@ext.test";
            q.recipient = "bob@atrium.test";
            q.outcome = "received";
            return q;
        }))));
    }

    @Test
    void messageIdWithOrWithoutBracketsAndQueueId() throws Exception {
        assertEquals(4, search(query(q -> {
            q.messageId = "a1@X.test";
            return q;
        })).size());
        assertEquals(4, search(query(q -> {
            q.messageId = "<A1@x.test>";
            return q;
        })).size());
        assertEquals(List.of("RELAYED", "DEFERRED", "RECEIVED"), kinds(search(query(q -> {
            q.queueId = "Q2";
            return q;
        }))));
        assertEquals(0, search(query(q -> {
            q.queueId = "q2";
            return q;
        })).size(), "queue ids are exact");
    }

    @Test
    void timeRangeIsFromInclusiveToExclusive() throws Exception {
        assertEquals(List.of("DEFERRED", "RECEIVED"), kinds(search(query(q -> {
            q.from = T0.plusSeconds(60);
            q.to = T0.plusSeconds(2 * 3600 + 5);
            return q;
        }))));
    }

    @Test
    void pagingAndTheCap() throws Exception {
        List<TrackingEntryView> all = search(query(q -> q));
        List<TrackingEntryView> page = search(query(q -> {
            q.offset = 2;
            q.limit = 3;
            return q;
        }));
        assertEquals(all.subList(2, 5), page);
        TrackingSql.Statement huge = TrackingSql.search(query(q -> {
            q.limit = 50_000;
            return q;
        }), true);
        assertEquals(TrackingSql.MAX_LIMIT, huge.parameters().get(huge.parameters().size() - 1));
        assertTrue(huge.sql().endsWith("OFFSET ?1 ROWS FETCH NEXT ?2 ROWS ONLY"), huge.sql());
    }

    @Test
    void badInputNamesTheField() {
        assertEquals("outcome", assertThrows(StoreException.class, () -> TrackingSql.search(query(q -> {
            q.outcome = "LOST";
            return q;
        }), true)).field());
        assertEquals("limit", assertThrows(StoreException.class, () -> TrackingSql.search(query(q -> {
            q.limit = 0;
            return q;
        }), true)).field());
        assertEquals("offset", assertThrows(StoreException.class, () -> TrackingSql.search(query(q -> {
            q.offset = -1;
            return q;
        }), true)).field());
        assertEquals("to", assertThrows(StoreException.class, () -> TrackingSql.search(query(q -> {
            q.from = T0;
            q.to = T0.minusSeconds(1);
            return q;
        }), true)).field());
        assertEquals("to", assertThrows(StoreException.class,
                () -> TrackingSql.hourly(T0, T0.plusSeconds(40L * 24 * 3600), null, true)).field());
        assertEquals("kinds", assertThrows(StoreException.class,
                () -> TrackingSql.hourly(T0, T0.plusSeconds(60), List.of("nope"), true)).field());
    }

    private static Map<Instant, Map<String, Long>> hourly(Instant from, Instant to, List<String> kinds)
            throws Exception {
        return TrackingSql.buckets(from, to, kinds, run(TrackingSql.hourly(from, to, kinds, false)));
    }

    @Test
    void hourlyCountsInUtcHoursWithEmptyHoursAsZero() throws Exception {
        Instant h10 = Instant.parse("2026-12-01T10:00:00Z");
        Map<Instant, Map<String, Long>> hours = hourly(h10, h10.plusSeconds(4 * 3600),
                List.of("RECEIVED", "DELIVERED", "RELAYED", "FAILED"));
        assertEquals(List.of(h10, h10.plusSeconds(3600), h10.plusSeconds(7200), h10.plusSeconds(10800)),
                List.copyOf(hours.keySet()));
        assertEquals(Map.of("RECEIVED", 3L, "DELIVERED", 2L, "RELAYED", 0L, "FAILED", 0L), hours.get(h10));
        assertEquals(Map.of("RECEIVED", 0L, "DELIVERED", 0L, "RELAYED", 0L, "FAILED", 0L),
                hours.get(h10.plusSeconds(3600)));
        assertEquals(1L, hours.get(h10.plusSeconds(7200)).get("RELAYED"));
        assertEquals(1L, hours.get(h10.plusSeconds(10800)).get("FAILED"));
        assertEquals(List.of("RECEIVED", "DELIVERED", "RELAYED", "FAILED"),
                List.copyOf(hours.get(h10).keySet()), "the kinds in the order asked");
    }

    @Test
    void hourlyCountsOnlyWithinTheExactRange() throws Exception {
        // From 10:15:01: the two RECEIVED at 10:15:00 are out, the hour is still there.
        Map<Instant, Map<String, Long>> hours = hourly(T0.plusSeconds(1), T0.plusSeconds(61), List.of());
        assertEquals(List.of(Instant.parse("2026-12-01T10:00:00Z")), List.copyOf(hours.keySet()));
        Map<String, Long> h = hours.get(Instant.parse("2026-12-01T10:00:00Z"));
        assertEquals(1L, h.get("RECEIVED"));
        assertEquals(2L, h.get("DELIVERED"));
        assertEquals(0L, h.get("DEFERRED"), "to is exclusive");
        assertEquals(10, h.size(), "no kinds named: all of them");
    }

    @Test
    void timestampsOfEveryDriverType() {
        Instant i = Instant.parse("2026-12-01T10:15:00.123Z");
        assertEquals(i, TrackingSql.instant(i));
        assertEquals(i, TrackingSql.instant(OffsetDateTime.parse("2026-12-01T15:45:00.123+05:30")));
        assertEquals(i, TrackingSql.instant(java.sql.Timestamp.from(i)));
        assertEquals(i, TrackingSql.instant(i.atZone(java.time.ZoneId.of("Europe/Paris"))));
    }

    @Test
    void storageSumsItemsPerOwnerDomainAndContentOnce() throws Exception {
        // Names of this run's own (a scratch PostgreSQL database may hold an earlier run's).
        String run = Long.toString(System.nanoTime(), 36);
        String da = "a" + run + ".test";
        String dbn = "b" + run + ".test";
        try (Statement s = db.createStatement()) {
            s.executeUpdate("DELETE FROM mail_item");
            s.executeUpdate("DELETE FROM message_content");
            long a = id(s, "INSERT INTO domain (name, created_at) VALUES ('" + da + "', CURRENT_TIMESTAMP)");
            long b = id(s, "INSERT INTO domain (name, created_at) VALUES ('" + dbn + "', CURRENT_TIMESTAMP)");
            long u1 = account(s, a, "u1@" + da);
            long u2 = account(s, a, "u2@" + da);
            long u3 = account(s, b, "u3@" + dbn);
            long c1 = content(s, 100);
            long c2 = content(s, 1000);
            item(s, folder(s, u1), c1, 1, 100);
            item(s, folder(s, u2), c1, 1, 100);
            long f3 = folder(s, u3);
            item(s, f3, c1, 1, 100);
            item(s, f3, c2, 2, 1000);
        }
        List<Object[]> byDomain = run(new TrackingSql.Statement(DefaultStorageService.BY_DOMAIN, List.of()));
        Object content = run(new TrackingSql.Statement(DefaultStorageService.CONTENT, List.of())).get(0)[0];
        StorageUsage u = DefaultStorageService.usage(byDomain, content);
        assertEquals(Map.of(da, 200L, dbn, 1100L), u.mailboxBytesByDomain());
        assertEquals(1300L, u.mailboxBytes());
        assertEquals(1100L, u.contentBytes(), "each stored message once");
    }

    private static long id(Statement s, String insert) throws Exception {
        s.executeUpdate(insert, Statement.RETURN_GENERATED_KEYS);
        try (ResultSet k = s.getGeneratedKeys()) {
            k.next();
            return k.getLong(1);
        }
    }

    private static long account(Statement s, long domain, String address) throws Exception {
        return id(s, "INSERT INTO account (domain_id, local_part, address, admin, enabled, created_at, version) "
                + "VALUES (" + domain + ", '" + address.substring(0, address.indexOf('@')) + "', '" + address
                + "', FALSE, TRUE, CURRENT_TIMESTAMP, 0)");
    }

    private static long folder(Statement s, long owner) throws Exception {
        return id(s, "INSERT INTO folder (owner_id, name, path, uid_validity, uid_next, highest_modseq, subscribed, "
                + "created_at) VALUES (" + owner + ", 'INBOX', 'INBOX', 1, 1, 1, TRUE, CURRENT_TIMESTAMP)");
    }

    private static long content(Statement s, long size) throws Exception {
        return id(s, "INSERT INTO message_content (blob_hash, size, ref_count, metadata, created_at) VALUES ('"
                + "0".repeat(64) + "', " + size + ", 1, '{}', CURRENT_TIMESTAMP)");
    }

    private static void item(Statement s, long folder, long content, long uid, long size) throws Exception {
        s.executeUpdate("INSERT INTO mail_item (folder_id, uid, modseq, content_id, internal_date, size, flags) "
                + "VALUES (" + folder + ", " + uid + ", 1, " + content + ", CURRENT_TIMESTAMP, " + size + ", 0)");
    }
}
