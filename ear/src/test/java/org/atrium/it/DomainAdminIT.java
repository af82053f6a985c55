package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Domain administrators (issue #6, ADR 0015): a global administrator grants a user of d1 the administration of d1;
 * that user manages d1's users, groups and settings, is refused 403 {@code FORBIDDEN} for anything of d2 and for
 * what only global administrators do (domains, domain administrators, queue, tracking, status, audit, the
 * organisation's public folders), sees only d1 in lists; its calls and refusals are audited under its address; after
 * the grant is revoked it is refused everywhere. Also bin/atrium domain admin list|add|remove [--dry-run].
 */
class DomainAdminIT {

    private static AdminClient.Reply expect(int status, AdminClient.Reply r, String what) {
        assertEquals(status, r.status(), what + ": " + r);
        return r;
    }

    private static String newDomain(String prefix) {
        String domain = AdminClient.unique(prefix) + ".example";
        expect(201, AdminClient.asAdmin("POST", "/domains", "{\"name\":" + AdminClient.json(domain) + "}"),
                "POST /domains " + domain);
        return domain;
    }

    private static String newUser(String address, String pw) {
        expect(201, AdminClient.asAdmin("POST", "/users", "{\"address\":" + AdminClient.json(address)
                + ",\"password\":" + AdminClient.json(pw) + "}"), "POST /users " + address);
        return address;
    }

    private static String userJson(String address, String pw) {
        return "{\"address\":" + AdminClient.json(address) + ",\"password\":" + AdminClient.json(pw) + "}";
    }

    private static Processes.Result atrium(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Processes.atrium()));
        cmd.addAll(List.of(args));
        return Processes.run(cmd, Processes.atriumEnv(), null, 120);
    }

    /** A call as the domain administrator, which must be refused 403 FORBIDDEN. */
    private static void forbidden(String who, String pw, String method, String path, String json) {
        AdminClient.Reply r = AdminClient.call(method, path, json, who, pw);
        assertEquals(403, r.status(), method + " " + path + ": " + r);
        assertTrue(r.body().contains("\"code\":\"FORBIDDEN\""), method + " " + path + ": " + r.body());
    }

    @Test
    void aDomainAdministratorManagesItsDomainOnly() {
        String pw = "Pw-" + java.util.UUID.randomUUID();
        String d1 = newDomain("da1");
        String d2 = newDomain("da2");
        String u1 = newUser("boss@" + d1, pw);
        String other1 = newUser("other@" + d1, pw);
        String other2 = newUser("other@" + d2, pw);
        String group2 = AdminClient.unique("team") + "@" + d2;
        expect(201, AdminClient.asAdmin("POST", "/groups", "{\"address\":" + AdminClient.json(group2)
                + ",\"members\":[]}"), "group in d2");

        // Before the grant u1 is a plain user.
        forbidden(u1, pw, "GET", "/users?domain=" + d1, null);

        Map<String, Object> grant = Json.object(expect(200, AdminClient.asAdmin("PUT",
                "/domains/" + d1 + "/admins/" + u1, null), "grant").body());
        assertEquals(u1, grant.get("address"), grant.toString());
        assertEquals(d1, grant.get("domain"), grant.toString());
        List<Map<String, Object>> admins = Json.array(expect(200, AdminClient.asAdmin("GET",
                "/domains/" + d1 + "/admins", null), "list admins").body());
        assertEquals(1, admins.size(), admins.toString());
        assertEquals(u1, admins.get(0).get("address"));
        assertEquals(List.of(d1), Json.object(expect(200, AdminClient.asAdmin("GET", "/users/" + u1, null),
                "show u1").body()).get("adminOfDomains"));
        expect(404, AdminClient.asAdmin("PUT", "/domains/" + d1 + "/admins/nobody@" + d1, null), "unknown user");
        expect(400, AdminClient.asAdmin("PUT", "/domains/" + d1 + "/admins/not-an-address", null), "bad address");

        // Allowed in d1.
        String created = AdminClient.unique("new") + "@" + d1;
        expect(201, AdminClient.call("POST", "/users", userJson(created, pw), u1, pw), "create user in d1");
        expect(200, AdminClient.call("GET", "/users/" + other1, null, u1, pw), "show user of d1");
        expect(204, AdminClient.call("PUT", "/users/" + created + "/password",
                "{\"password\":" + AdminClient.json(pw + "x") + "}", u1, pw), "passwd in d1");
        expect(200, AdminClient.call("PUT", "/users/" + created + "/enabled", "{\"enabled\":false}", u1, pw),
                "disable in d1");
        String group1 = AdminClient.unique("team") + "@" + d1;
        expect(201, AdminClient.call("POST", "/groups", "{\"address\":" + AdminClient.json(group1)
                + ",\"members\":[" + AdminClient.json(other2) + "]}", u1, pw), "group in d1, member of d2");
        expect(200, AdminClient.call("GET", "/domains/" + d1, null, u1, pw), "show d1");
        expect(200, AdminClient.call("GET", "/domains/" + d1 + "/dkim", null, u1, pw), "dkim of d1");
        expect(200, AdminClient.call("PUT", "/domains/" + d1 + "/quota", "{\"bytes\":100000000}", u1, pw),
                "quota of d1");

        // Lists show d1 only.
        List<Map<String, Object>> users = Json.array(expect(200, AdminClient.call("GET", "/users", null, u1, pw),
                "list users").body());
        assertFalse(users.isEmpty());
        for (Map<String, Object> u : users) {
            assertTrue(String.valueOf(u.get("address")).endsWith("@" + d1), "outside d1: " + u);
        }
        assertTrue(users.stream().anyMatch(u -> created.equals(u.get("address"))), users.toString());
        List<Map<String, Object>> domains = Json.array(expect(200, AdminClient.call("GET", "/domains", null, u1,
                pw), "list domains").body());
        assertEquals(1, domains.size(), domains.toString());
        assertEquals(d1, domains.get(0).get("name"));
        for (Map<String, Object> g : Json.array(expect(200, AdminClient.call("GET", "/groups", null, u1, pw),
                "list groups").body())) {
            assertTrue(String.valueOf(g.get("address")).endsWith("@" + d1), "outside d1: " + g);
        }

        // Refused: d2 and what only global administrators do.
        String escapee = AdminClient.unique("new") + "@" + d2;
        forbidden(u1, pw, "POST", "/users", userJson(escapee, pw));
        forbidden(u1, pw, "POST", "/users", "{\"address\":" + AdminClient.json(AdminClient.unique("adm") + "@" + d1)
                + ",\"password\":" + AdminClient.json(pw) + ",\"admin\":true}");
        forbidden(u1, pw, "GET", "/users?domain=" + d2, null);
        forbidden(u1, pw, "GET", "/users/" + other2, null);
        forbidden(u1, pw, "PUT", "/users/" + other2 + "/password", "{\"password\":" + AdminClient.json(pw) + "}");
        forbidden(u1, pw, "POST", "/users/" + other1 + "/aliases", "{\"alias\":" + AdminClient.json(
                AdminClient.unique("al") + "@" + d2) + "}");
        forbidden(u1, pw, "GET", "/groups?domain=" + d2, null);
        forbidden(u1, pw, "GET", "/groups/" + group2, null);
        forbidden(u1, pw, "POST", "/groups", "{\"address\":" + AdminClient.json(AdminClient.unique("t") + "@" + d2)
                + ",\"members\":[]}");
        forbidden(u1, pw, "POST", "/groups/" + group2 + "/members", "{\"member\":" + AdminClient.json(u1) + "}");
        forbidden(u1, pw, "GET", "/domains/" + d2, null);
        forbidden(u1, pw, "GET", "/domains/" + d2 + "/dkim", null);
        forbidden(u1, pw, "POST", "/domains", "{\"name\":" + AdminClient.json(AdminClient.unique("x") + ".example")
                + "}");
        forbidden(u1, pw, "DELETE", "/domains/" + d1, null);
        forbidden(u1, pw, "GET", "/domains/" + d1 + "/admins", null);
        forbidden(u1, pw, "PUT", "/domains/" + d1 + "/admins/" + other1, null);
        forbidden(u1, pw, "DELETE", "/domains/" + d1 + "/admins/" + u1, null);
        forbidden(u1, pw, "GET", "/queue", null);
        forbidden(u1, pw, "GET", "/tracking", null);
        forbidden(u1, pw, "GET", "/status", null);
        forbidden(u1, pw, "GET", "/audit", null);
        forbidden(u1, pw, "GET", "/public-folders", null);
        forbidden(u1, pw, "GET", "/users/" + other2 + "/grants", null);

        // Audited under u1's address, the change and the refusal alike.
        List<Map<String, Object>> audit = Json.array(expect(200, AdminClient.asAdmin("GET", "/audit?actor="
                + AdminClient.enc(u1) + "&limit=1000", null), "audit").body());
        assertTrue(audit.stream().anyMatch(e -> "POST".equals(e.get("method")) && "/users".equals(e.get("resource"))
                && ((Number) e.get("status")).intValue() == 201), audit.toString());
        assertTrue(audit.stream().anyMatch(e -> "POST".equals(e.get("method"))
                && "/domains".equals(e.get("resource")) && ((Number) e.get("status")).intValue() == 403),
                audit.toString());

        // Revoked: a plain user again.
        expect(204, AdminClient.asAdmin("DELETE", "/domains/" + d1 + "/admins/" + u1, null), "revoke");
        expect(404, AdminClient.asAdmin("DELETE", "/domains/" + d1 + "/admins/" + u1, null), "revoke twice");
        assertEquals(List.of(), Json.object(expect(200, AdminClient.asAdmin("GET", "/users/" + u1, null),
                "show u1").body()).get("adminOfDomains"));
        forbidden(u1, pw, "GET", "/users", null);
        forbidden(u1, pw, "GET", "/users/" + other1, null);
        forbidden(u1, pw, "POST", "/users", userJson(AdminClient.unique("late") + "@" + d1, pw));
        forbidden(u1, pw, "GET", "/groups", null);
        forbidden(u1, pw, "GET", "/domains", null);
        forbidden(u1, pw, "GET", "/domains/" + d1, null);
        forbidden(u1, pw, "GET", "/domains/" + d1 + "/dkim", null);
        forbidden(u1, pw, "GET", "/queue", null);
    }

    @Test
    void aDomainAdministratorTakesOverNoGlobalAdministrator() {
        String pw = "Pw-" + java.util.UUID.randomUUID();
        String d1 = newDomain("da3");
        String boss = newUser("boss@" + d1, pw);
        String root = AdminClient.unique("root") + "@" + d1;
        expect(201, AdminClient.asAdmin("POST", "/users", "{\"address\":" + AdminClient.json(root)
                + ",\"password\":" + AdminClient.json(pw) + ",\"admin\":true}"), "global admin in d1");
        expect(200, AdminClient.asAdmin("PUT", "/domains/" + d1 + "/admins/" + boss, null), "grant");
        forbidden(boss, pw, "PUT", "/users/" + root + "/password", "{\"password\":" + AdminClient.json(pw + "y")
                + "}");
        forbidden(boss, pw, "PUT", "/users/" + root + "/enabled", "{\"enabled\":false}");
        expect(200, AdminClient.call("GET", "/users/" + root, null, boss, pw), "but may see it");
    }

    @Test
    void theCliListsAddsAndRemovesDomainAdministrators() throws Exception {
        String pw = "Pw-" + java.util.UUID.randomUUID();
        String d1 = newDomain("da4");
        String u1 = newUser("boss@" + d1, pw);

        Processes.Result dry = atrium("domain", "admin", "add", d1, u1, "--dry-run");
        assertEquals(0, dry.exit(), dry.output());
        assertTrue(dry.output().contains("dry run"), dry.output());
        assertEquals(List.of(), Json.array(AdminClient.asAdmin("GET", "/domains/" + d1 + "/admins", null).body()));

        Processes.Result add = atrium("domain", "admin", "add", d1, u1);
        assertEquals(0, add.exit(), add.output());
        Processes.Result list = atrium("domain", "admin", "list", d1);
        assertEquals(0, list.exit(), list.output());
        assertTrue(list.output().contains(u1), list.output());

        Processes.Result dryRemove = atrium("domain", "admin", "remove", d1, u1, "--dry-run");
        assertEquals(0, dryRemove.exit(), dryRemove.output());
        assertEquals(1, Json.array(AdminClient.asAdmin("GET", "/domains/" + d1 + "/admins", null).body()).size());
        Processes.Result remove = atrium("domain", "admin", "remove", d1, u1);
        assertEquals(0, remove.exit(), remove.output());
        assertEquals(List.of(), Json.array(AdminClient.asAdmin("GET", "/domains/" + d1 + "/admins", null).body()));
        Processes.Result again = atrium("domain", "admin", "remove", d1, u1);
        assertTrue(again.exit() != 0 && again.output().contains("404"), again.output());
    }
}
