package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The audit log of administrative changes (issue #6) as an operator reads it through GET /api/v1/audit and
 * {@code bin/atrium audit}: every change is there with who, from where, what and how it ended, refused ones too
 * (400, 403, 401 with the login tried); reads are not; no password ever appears, masked or refused alike.
 */
class AuditIT {

    private static Processes.Result atrium(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Processes.atrium()));
        cmd.addAll(List.of(args));
        return Processes.run(cmd, Processes.atriumEnv(), null, 120);
    }

    private static List<Map<String, Object>> audit(String query) {
        AdminClient.Reply r = AdminClient.asAdmin("GET", "/audit" + query, null);
        assertEquals(200, r.status(), r.body());
        return Json.array(r.body());
    }

    private static Map<String, Object> one(List<Map<String, Object>> events, String what,
            Predicate<Map<String, Object>> p) {
        List<Map<String, Object>> found = events.stream().filter(p).toList();
        assertEquals(1, found.size(), what + " once in " + events);
        return found.get(0);
    }

    @Test
    void changesAreAuditedWithoutSecretsAndReadsAreNot() throws Exception {
        String pw1 = "Audit-1-" + UUID.randomUUID();
        String pw2 = "Audit-2-" + UUID.randomUUID();
        String tooShort = UUID.randomUUID().toString().substring(0, 7);
        String pw3 = "Audit-3-" + UUID.randomUUID();
        String wrong = "Audit-W-" + UUID.randomUUID();
        String pw4 = "Audit-4-" + UUID.randomUUID();
        String user = AdminClient.unique("audit") + "@" + ItEnv.DOMAIN;
        String admin = ItEnv.admin();
        String passwordPath = "/users/" + user + "/password";

        assertEquals(201, AdminClient.asAdmin("POST", "/users", "{\"address\":" + AdminClient.json(user)
                + ",\"password\":" + AdminClient.json(pw1) + "}").status());
        assertEquals(204, AdminClient.asAdmin("PUT", passwordPath, "{\"password\":" + AdminClient.json(pw2) + "}")
                .status());
        AdminClient.Reply refused = AdminClient.asAdmin("PUT", passwordPath,
                "{\"password\":" + AdminClient.json(tooShort) + "}");
        assertEquals(400, refused.status(), refused.body());
        AdminClient.Reply forbidden = AdminClient.call("PUT", passwordPath,
                "{\"password\":" + AdminClient.json(pw3) + "}", user, pw2);
        assertEquals(403, forbidden.status(), forbidden.body());
        AdminClient.Reply anonymous = AdminClient.call("POST", "/users", "{\"address\":"
                + AdminClient.json("x" + user) + ",\"password\":" + AdminClient.json(pw4) + "}", user, wrong);
        assertEquals(401, anonymous.status(), anonymous.body());
        assertEquals(200, AdminClient.asAdmin("GET", "/users/" + user, null).status());

        AdminClient.Reply all = AdminClient.asAdmin("GET", "/audit?limit=1000", null);
        assertEquals(200, all.status(), all.body());
        for (String secret : List.of(pw1, pw2, tooShort, pw3, wrong, pw4)) {
            assertFalse(all.body().contains(secret), "a password in the audit log: " + all.body());
        }
        List<Map<String, Object>> events = Json.array(all.body());
        assertFalse(events.stream().anyMatch(e -> "GET".equals(e.get("method"))), "reads are not audited");

        Map<String, Object> created = one(events, "the creation", e -> "POST".equals(e.get("method"))
                && "/users".equals(e.get("resource")) && String.valueOf(e.get("detail")).contains(user)
                && admin.equals(e.get("actor")));
        assertEquals(201L, created.get("status"));
        assertEquals("ok", created.get("outcome"));
        assertEquals("127.0.0.1", created.get("remote"));
        assertTrue(String.valueOf(created.get("detail")).contains("\"password\":\"***\""), created.toString());

        Map<String, Object> changed = one(events, "the password change", e -> passwordPath.equals(e.get("resource"))
                && Long.valueOf(204).equals(e.get("status")));
        assertEquals(admin, changed.get("actor"));
        assertEquals("PUT", changed.get("method"));
        assertEquals("ok", changed.get("outcome"));
        assertEquals("{\"password\":\"***\"}", changed.get("detail"));

        Map<String, Object> invalid = one(events, "the refused change", e -> passwordPath.equals(e.get("resource"))
                && Long.valueOf(400).equals(e.get("status")));
        assertEquals(admin, invalid.get("actor"));
        assertEquals("refused", invalid.get("outcome"));
        assertTrue(String.valueOf(invalid.get("detail")).contains("error=INVALID field=password"),
                invalid.toString());

        Map<String, Object> denied = one(events, "the non-admin change", e -> passwordPath.equals(e.get("resource"))
                && Long.valueOf(403).equals(e.get("status")));
        assertEquals(user, denied.get("actor"));
        assertEquals("PUT", denied.get("method"));
        assertEquals("refused", denied.get("outcome"));
        assertTrue(String.valueOf(denied.get("detail")).contains("error=FORBIDDEN"), denied.toString());

        Map<String, Object> unauthenticated = one(events, "the failed login", e -> user.equals(e.get("actor"))
                && Long.valueOf(401).equals(e.get("status")));
        assertEquals("POST", unauthenticated.get("method"));
        assertEquals("/users", unauthenticated.get("resource"));
        assertEquals("refused", unauthenticated.get("outcome"));
        assertTrue(String.valueOf(unauthenticated.get("detail")).startsWith("unauthenticated "),
                unauthenticated.toString());

        Instant previous = Instant.MAX;
        for (Map<String, Object> e : events) {
            Instant at = Instant.parse((String) e.get("at"));
            assertFalse(at.isAfter(previous), "newest first: " + events);
            previous = at;
        }

        List<Map<String, Object>> byUser = audit("?actor=" + AdminClient.enc(user.toUpperCase()));
        assertEquals(2, byUser.size(), "the 403 and the 401, by the user's address in any case: " + byUser);
        assertTrue(byUser.stream().allMatch(e -> user.equals(e.get("actor"))), byUser.toString());

        String refusedAt = (String) invalid.get("at");
        List<Map<String, Object>> since = audit("?limit=1000&since=" + AdminClient.enc(refusedAt));
        assertTrue(since.stream().anyMatch(e -> e.equals(invalid)), "since is inclusive: " + since);
        assertTrue(since.stream().noneMatch(e -> e.equals(changed) || e.equals(created)), since.toString());
        Instant from = Instant.parse(refusedAt);
        assertTrue(since.stream().noneMatch(e -> Instant.parse((String) e.get("at")).isBefore(from)),
                since.toString());
        List<Map<String, Object>> until = audit("?limit=1000&until=" + AdminClient.enc(refusedAt));
        assertTrue(until.contains(changed) && until.contains(created) && !until.contains(invalid), until.toString());
        List<Map<String, Object>> refusals = audit("?limit=1000&outcome=refused&actor=" + AdminClient.enc(admin));
        assertTrue(refusals.contains(invalid) && !refusals.contains(changed), refusals.toString());
        assertEquals(1, audit("?limit=1").size());

        AdminClient.Reply badSince = AdminClient.asAdmin("GET", "/audit?since=yesterday", null);
        assertEquals(400, badSince.status(), badSince.body());
        assertTrue(badSince.body().contains("\"field\":\"since\""), badSince.body());
        AdminClient.Reply badOutcome = AdminClient.asAdmin("GET", "/audit?outcome=maybe", null);
        assertEquals(400, badOutcome.status(), badOutcome.body());
        assertTrue(badOutcome.body().contains("\"field\":\"outcome\""), badOutcome.body());
        AdminClient.Reply badLimit = AdminClient.asAdmin("GET", "/audit?limit=many", null);
        assertEquals(400, badLimit.status(), badLimit.body());
        assertTrue(badLimit.body().contains("\"field\":\"limit\""), badLimit.body());
        assertEquals(403, AdminClient.call("GET", "/audit", null, user, pw2).status(), "administrators only");

        Processes.Result json = atrium("audit", "--json", "--actor", user);
        assertEquals(0, json.exit(), json.output());
        List<Map<String, Object>> cliEvents = Json.array(json.output().strip());
        assertEquals(byUser, cliEvents);
        Processes.Result table = atrium("audit", "--since", refusedAt, "--limit", "1000");
        assertEquals(0, table.exit(), table.output());
        assertTrue(table.output().contains(passwordPath) && table.output().contains("refused"), table.output());
        for (String secret : List.of(pw1, pw2, tooShort, pw3, wrong, pw4)) {
            assertFalse(table.output().contains(secret) || json.output().contains(secret), "a password shown");
        }
    }
}
