package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Message tracking, the outbound queue and the server status over the admin API and bin/atrium (issue #6): a local
 * message is tracked as RECEIVED then DELIVERED for its recipient; the status lists the listeners on the test ports
 * and counts what was received; the queue is a JSON list and an unknown entry is 404; non-administrators are
 * refused on every new endpoint; a bad instant is 400 naming its field; the API description is open.
 */
class QueueTrackingApiIT {

    private static final String ALICE = "alice@" + ItEnv.DOMAIN;

    private static Processes.Result atrium(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Processes.atrium()));
        cmd.addAll(List.of(args));
        return Processes.run(cmd, Processes.atriumEnv(), null, 120);
    }

    /** Sends one message to alice with a Message-ID of its own and returns that id's unique part. */
    private static String sendToAlice() throws Exception {
        String token = "track-" + UUID.randomUUID();
        MailTools.sendRaw("someone@example.org", ALICE, "Message-ID: <" + token + "@it.example>\r\n"
                + "Subject: tracked\r\n\r\nfollow me");
        return token;
    }

    /** The events tracked for alice since {@code since} whose message id holds {@code token}, polled until done. */
    private static Set<String> eventsFor(String token, Instant since, Set<String> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Set<String> seen = Set.of();
        while (Instant.now().isBefore(deadline)) {
            AdminClient.Reply r = AdminClient.asAdmin("GET", "/tracking?recipient=" + AdminClient.enc(ALICE)
                    + "&from=" + AdminClient.enc(since.toString()), null);
            assertEquals(200, r.status(), r.toString());
            seen = Json.array(r.body()).stream()
                    .filter(e -> String.valueOf(e.get("messageId")).toLowerCase(Locale.ROOT).contains(token))
                    .map(e -> String.valueOf(e.get("event"))).collect(Collectors.toSet());
            if (seen.containsAll(wanted)) {
                return seen;
            }
            Thread.sleep(300);
        }
        return seen;
    }

    @Test
    void aLocalMessageIsTrackedAsReceivedThenDelivered() throws Exception {
        Instant since = Instant.now().minusSeconds(5);
        String token = sendToAlice();
        Set<String> events = eventsFor(token, since, Set.of("RECEIVED", "DELIVERED"));
        assertTrue(events.containsAll(Set.of("RECEIVED", "DELIVERED")), "tracked: " + events);

        // The same records by message id (without brackets, other case) and by outcome.
        AdminClient.Reply byId = AdminClient.asAdmin("GET", "/tracking?messageId="
                + AdminClient.enc(token.toUpperCase(Locale.ROOT) + "@it.example") + "&outcome=delivered", null);
        assertEquals(200, byId.status(), byId.toString());
        List<Map<String, Object>> delivered = Json.array(byId.body());
        assertEquals(1, delivered.size(), byId.body());
        assertEquals("DELIVERED", delivered.get(0).get("event"));
        assertEquals(ALICE, String.valueOf(delivered.get(0).get("recipient")).toLowerCase(Locale.ROOT));
    }

    @Test
    @SuppressWarnings("unchecked")
    void statusListsTheListenersAndCountsWhatWasReceived() throws Exception {
        String token = sendToAlice();
        eventsFor(token, Instant.now().minusSeconds(60), Set.of("RECEIVED"));
        AdminClient.Reply r = AdminClient.asAdmin("GET", "/status", null);
        assertEquals(200, r.status(), r.toString());
        Map<String, Object> status = Json.object(r.body());
        Map<String, Long> ports = ((List<Map<String, Object>>) status.get("listeners")).stream()
                .collect(Collectors.toMap(l -> String.valueOf(l.get("protocol")), l -> (Long) l.get("port")));
        for (String p : List.of("smtp", "submission", "submissions", "pop3", "imap")) {
            assertEquals(Long.valueOf(ItEnv.port(p)), ports.get(p), p + " in " + r.body());
        }
        Map<String, Object> smtp = ((List<Map<String, Object>>) status.get("listeners")).stream()
                .filter(l -> "smtp".equals(l.get("protocol"))).findFirst().orElseThrow();
        assertEquals("starttls", smtp.get("tls"), r.body());
        Map<String, Object> counters = (Map<String, Object>) status.get("last24h");
        assertTrue(((Long) counters.get("received")) >= 1, r.body());
        assertTrue(status.get("queue") instanceof Map, r.body());
        assertTrue(((Map<String, Object>) status.get("storage")).get("mailboxBytes") instanceof Long, r.body());
        assertTrue(String.valueOf(status.get("version")).length() > 0, r.body());
    }

    @Test
    void theQueueIsAListAndAnUnknownEntryIsNotFound() {
        AdminClient.Reply list = AdminClient.asAdmin("GET", "/queue", null);
        assertEquals(200, list.status(), list.toString());
        Json.array(list.body());
        AdminClient.Reply deferred = AdminClient.asAdmin("GET", "/queue?state=deferred&limit=10", null);
        assertEquals(200, deferred.status(), deferred.toString());

        for (String[] call : List.of(new String[] {"GET", "/queue/NOSUCHENTRY"},
                new String[] {"POST", "/queue/NOSUCHENTRY/retry"}, new String[] {"POST", "/queue/NOSUCHENTRY/bounce"},
                new String[] {"DELETE", "/queue/NOSUCHENTRY"})) {
            AdminClient.Reply r = AdminClient.asAdmin(call[0], call[1], null);
            assertEquals(404, r.status(), call[0] + " " + call[1] + ": " + r);
            assertTrue(r.body().contains("\"code\":\"NOT_FOUND\""), r.body());
        }
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        AdminClient.Reply badFrom = AdminClient.asAdmin("GET", "/tracking?from=yesterday", null);
        assertEquals(400, badFrom.status(), badFrom.toString());
        assertTrue(badFrom.body().contains("\"field\":\"from\""), badFrom.body());
        AdminClient.Reply badOutcome = AdminClient.asAdmin("GET", "/tracking?outcome=LOST", null);
        assertEquals(400, badOutcome.status(), badOutcome.toString());
        assertTrue(badOutcome.body().contains("\"field\":\"outcome\""), badOutcome.body());
        AdminClient.Reply badState = AdminClient.asAdmin("GET", "/queue?state=stuck", null);
        assertEquals(400, badState.status(), badState.toString());
        assertTrue(badState.body().contains("\"field\":\"state\""), badState.body());
        AdminClient.Reply badLimit = AdminClient.asAdmin("GET", "/queue?limit=many", null);
        assertEquals(400, badLimit.status(), badLimit.toString());
        assertTrue(badLimit.body().contains("\"field\":\"limit\""), badLimit.body());
    }

    @Test
    void nonAdministratorsAreRefusedOnEveryNewEndpoint() {
        for (String[] call : List.of(new String[] {"GET", "/queue"}, new String[] {"GET", "/queue/X1"},
                new String[] {"POST", "/queue/X1/retry"}, new String[] {"POST", "/queue/X1/bounce"},
                new String[] {"DELETE", "/queue/X1"}, new String[] {"GET", "/tracking"},
                new String[] {"GET", "/status"})) {
            AdminClient.Reply r = AdminClient.call(call[0], call[1], null, ALICE, ItEnv.demoPassword());
            assertEquals(403, r.status(), call[0] + " " + call[1] + ": " + r);
            assertEquals(401, AdminClient.call(call[0], call[1], null, null, null).status(), call[1]);
        }
    }

    @Test
    void theApiDescriptionIsOpen() {
        AdminClient.Reply r = AdminClient.call("GET", "/openapi.yaml", null, null, null);
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.body().startsWith("#") || r.body().contains("openapi: 3."), r.body());
        assertTrue(r.body().contains("/queue/{id}/bounce:") && r.body().contains("/tracking:"), r.body());
        assertTrue(!r.body().contains("${project.version}"), "the version is filled in by the build");
    }

    @Test
    void theCommandLineShowsStatusAndTracking() throws Exception {
        Instant since = Instant.now().minusSeconds(5);
        String token = sendToAlice();
        eventsFor(token, since, Set.of("RECEIVED", "DELIVERED"));

        Processes.Result status = atrium("status", "--json");
        assertEquals(0, status.exit(), status.output());
        Map<String, Object> parsed = Json.object(status.output().strip());
        assertTrue(parsed.containsKey("listeners") && parsed.containsKey("last24h"), status.output());

        Processes.Result track = atrium("track", "--recipient", ALICE, "--since", "10m");
        assertEquals(0, track.exit(), track.output());
        assertTrue(track.output().contains("DELIVERED") && track.output().contains("RECEIVED"), track.output());

        Processes.Result json = atrium("track", "--recipient", ALICE, "--outcome", "delivered", "--json");
        assertEquals(0, json.exit(), json.output());
        assertTrue(Json.array(json.output().strip()).stream().allMatch(e -> "DELIVERED".equals(e.get("event"))),
                json.output());

        Processes.Result queue = atrium("queue", "list");
        assertEquals(0, queue.exit(), queue.output());
        assertTrue(queue.output().contains("QUEUE-ID"), queue.output());

        Processes.Result dryRun = atrium("queue", "delete", "NOSUCHENTRY", "--dry-run");
        assertNotEquals(0, dryRun.exit(), dryRun.output());
        assertTrue(dryRun.output().contains("404"), dryRun.output());

        Processes.Result badSince = atrium("track", "--since", "last tuesday");
        assertNotEquals(0, badSince.exit(), badSince.output());
        assertTrue(badSince.output().contains("from"), badSince.output());
    }
}
