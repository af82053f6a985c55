package org.atrium.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atrium.connector.host.SessionCounters;
import org.atrium.store.application.QueueEntryView;
import org.atrium.store.application.QueueService;
import org.atrium.store.application.QueueStats;
import org.atrium.store.application.StorageService;
import org.atrium.store.application.StorageUsage;
import org.atrium.store.application.StoreException;
import org.atrium.store.application.TrackingEntryView;
import org.atrium.store.application.TrackingQuery;
import org.atrium.store.application.TrackingService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Input checks of the queue, tracking and status resources and what they hand to the services (issue #6), with fake
 * services. Calls that build a {@code Response} need a JAX-RS runtime and are covered by QueueTrackingApiIT.
 */
class QueueTrackingStatusResourceTest {

    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");
    private static final QueueEntryView ENTRY = new QueueEntryView("Q1", "a@x.test", "far.test", List.of("b@far.test"),
            QueueEntryView.State.DEFERRED, 100, "<m@x.test>", NOW, 2, "451 try later", NOW, NOW);

    private final List<String> calls = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private <T> T fake(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            calls.add(m.getName() + (args == null ? "[]" : Arrays.toString(args)));
            return answer.apply(m.getName(), args);
        });
    }

    private QueueResource queue() {
        QueueResource r = new QueueResource();
        r.queue = fake(QueueService.class, (name, args) -> switch (name) {
            case "entry" -> "Q1".equals(args[0]) ? Optional.of(ENTRY) : Optional.empty();
            case "list" -> List.of(ENTRY);
            case "retryNow" -> ENTRY;
            case "stats" -> new QueueStats(1, 1, 1, NOW);
            default -> null;
        });
        return r;
    }

    private TrackingResource tracking() {
        TrackingResource r = new TrackingResource();
        r.tracking = fake(TrackingService.class, (name, args) -> List.of(new TrackingEntryView(7, NOW, "DELIVERED",
                "Q1", "<m@x.test>", "a@x.test", "alice@atrium.test", null, "INBOX uid=1")));
        return r;
    }

    private static void assertInvalid(String field, Executable call) {
        StoreException e = assertThrows(StoreException.class, call);
        assertEquals(StoreException.Code.INVALID, e.code());
        assertEquals(field, e.field());
    }

    @Test
    void queueListChecksStateAndPaging() {
        assertEquals(List.of(ENTRY), queue().list(" Deferred ", null, null));
        assertEquals(List.of("list[DEFERRED, 0, 100]"), calls);
        queue().list(null, "5", "5000");
        assertEquals("list[null, 5, 1000]", calls.get(1), "more than the cap is lowered");
        assertInvalid("state", () -> queue().list("stuck", null, null));
        assertInvalid("limit", () -> queue().list(null, null, "ten"));
        assertInvalid("limit", () -> queue().list(null, null, "0"));
        assertInvalid("offset", () -> queue().list(null, "-1", null));
        assertEquals(2, calls.size(), "refused input reaches no service");
    }

    @Test
    void anUnknownQueueIdIsNotFoundForEveryOperationAndNothingChanges() {
        assertEquals(ENTRY, queue().get("Q1"));
        assertEquals(ENTRY, queue().retry("Q1"));
        assertTrue(calls.contains("retryNow[Q1]"), calls.toString());
        calls.clear();
        for (Executable call : List.<Executable>of(() -> queue().get("NOPE"), () -> queue().retry("NOPE"))) {
            assertEquals(StoreException.Code.NOT_FOUND, assertThrows(StoreException.class, call).code());
        }
        assertEquals(List.of("entry[NOPE]", "entry[NOPE]"), calls, "only looked up");
    }

    @Test
    void trackingParsesInstantsAndOutcomeAndPassesTheRest() {
        List<TrackingResource.TrackingLine> rows = tracking().search(" a@x.test ", "", null, "Q1",
                "2026-12-01T10:00:00Z", "2026-12-02T04:00:00+01:00", "delivered", null, "20");
        assertEquals(1, rows.size());
        assertEquals("2026-12-02T03:00:00Z", rows.get(0).at());
        assertEquals("DELIVERED", rows.get(0).event());
        TrackingQuery expected = new TrackingQuery("a@x.test", null, null, "Q1",
                Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-02T03:00:00Z"), "DELIVERED", 0, 20);
        assertEquals(List.of("search[" + expected + "]"), calls);
    }

    @Test
    void badTrackingInputNamesTheField() {
        assertInvalid("from", () -> tracking().search(null, null, null, null, "yesterday", null, null, null, null));
        assertInvalid("to", () -> tracking().search(null, null, null, null, null, "2026-13-01T00:00:00Z", null, null,
                null));
        assertInvalid("to", () -> tracking().search(null, null, null, null, "2026-12-02T00:00:00Z",
                "2026-12-01T00:00:00Z", null, null, null));
        assertInvalid("outcome", () -> tracking().search(null, null, null, null, null, null, "LOST", null, null));
        assertInvalid("limit", () -> tracking().search(null, null, null, null, null, null, null, null, "-3"));
        assertInvalid("offset", () -> tracking().search(null, null, null, null, null, null, null, "x", null));
        assertTrue(calls.isEmpty(), "refused input reaches no service: " + calls);
    }

    @Test
    void countersSumTheHoursAndBouncedIsFailedPlusExpired() {
        Map<Instant, Map<String, Long>> hours = new LinkedHashMap<>();
        hours.put(NOW.minusSeconds(3600), Map.of("RECEIVED", 3L, "DELIVERED", 2L, "FAILED", 1L));
        hours.put(NOW, Map.of("RECEIVED", 1L, "RELAYED", 1L, "EXPIRED", 2L, "DEFERRED", 4L));
        StatusResource.Counters c = StatusResource.Counters.of(NOW.minusSeconds(86400), NOW, hours);
        assertEquals(new StatusResource.Counters("2026-12-01T03:00:00Z", "2026-12-02T03:00:00Z", 4, 2, 1, 3, 4), c);
    }

    @Test
    void statusAsksForTheLast24HoursAndListsEveryListener() {
        StatusResource r = new StatusResource();
        r.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        r.queue = queue().queue;
        r.sessions = new SessionCounters();
        r.storage = fake(StorageService.class, (name, args) -> new StorageUsage(300, 100, Map.of("atrium.test", 300L)));
        r.tracking = fake(TrackingService.class, (name, args) -> Map.of(NOW.minusSeconds(60),
                Map.of("RECEIVED", 5L)));
        StatusResource.ServerStatus s = r.status();
        assertTrue(calls.contains("hourly[" + NOW.minus(Duration.ofHours(24)) + ", " + NOW + ", "
                + StatusResource.KINDS + "]"), calls.toString());
        assertEquals(5, s.last24h().received());
        assertEquals(new QueueStats(1, 1, 1, NOW), s.queue());
        assertEquals(300, s.storage().mailboxBytes());
        assertTrue(s.uptimeSeconds() >= 0);
        assertTrue(s.listeners().stream().anyMatch(l -> l.protocol().equals("smtp") && l.tls().equals("starttls")),
                s.listeners().toString());
        assertTrue(s.listeners().stream().anyMatch(l -> l.protocol().equals("imaps") && l.tls().equals("implicit")),
                s.listeners().toString());
        assertEquals(0, s.sessions().get("smtp"), "every listener has a count, zero when idle");
        assertTrue(!s.version().isBlank());
    }

    @Test
    void theDescriptionAndHealthAreOpenNothingElse() {
        assertTrue(AdminAuthFilter.openPath("health"));
        assertTrue(AdminAuthFilter.openPath("/openapi.yaml"));
        assertTrue(!AdminAuthFilter.openPath("status"));
        assertTrue(!AdminAuthFilter.openPath("openapi.yaml/x"));
        assertTrue(!AdminAuthFilter.openPath(null));
    }
}
