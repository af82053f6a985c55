package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * bin/atrium for groups and domains (issue #6): group show/member/set/remove and domain show/alias/remove take effect
 * as the REST API shows them; refusals (a nesting loop, a non-empty domain) exit non-zero with the API's message.
 */
class GroupDomainCliIT {

    private static Processes.Result atrium(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Processes.atrium()));
        cmd.addAll(List.of(args));
        return Processes.run(cmd, Processes.atriumEnv(), null, 120);
    }

    private static Processes.Result ok(String... args) throws Exception {
        Processes.Result r = atrium(args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.output());
        return r;
    }

    private static Map<String, Object> rest(String path) {
        AdminClient.Reply r = AdminClient.asAdmin("GET", path, null);
        assertEquals(200, r.status(), r.toString());
        return Json.object(r.body());
    }

    @Test
    void groupMembersSettingsAndRemoval() throws Exception {
        String pw = "Pw-" + java.util.UUID.randomUUID();
        String ann = AdminClient.newUser("cligrpann", pw);
        String team = AdminClient.newGroup("cliteam", List.of());
        String sub = AdminClient.newGroup("clisub", List.of());

        assertTrue(ok("group", "member", "add", team, ann).output().contains(ann + " added to group " + team));
        ok("group", "member", "add", team, sub);
        Processes.Result show = ok("group", "show", team);
        assertTrue(show.output().contains(ann) && show.output().contains(sub + " (group)"), show.output());
        assertTrue(show.output().contains("anyone"), show.output());

        Processes.Result loop = atrium("group", "member", "add", sub, team);
        assertNotEquals(0, loop.exit(), loop.output());
        assertTrue(loop.output().contains("409") && loop.output().contains("contain itself"), loop.output());

        ok("group", "set", team, "--name", "CLI Team", "--members-only");
        Map<String, Object> g = rest("/groups/" + team);
        assertEquals("CLI Team", g.get("displayName"), g.toString());
        assertEquals(Boolean.TRUE, g.get("membersOnly"), g.toString());
        ok("group", "set", team, "--anyone-may-send");
        assertEquals(Boolean.FALSE, rest("/groups/" + team).get("membersOnly"));
        Processes.Result noOption = atrium("group", "set", team);
        assertNotEquals(0, noOption.exit(), noOption.output());
        assertTrue(noOption.output().contains("usage"), noOption.output());

        Processes.Result json = ok("group", "show", team, "--json");
        assertEquals(team, Json.object(json.output().strip()).get("address"), json.output());

        ok("group", "member", "remove", team, ann);
        assertFalse(String.valueOf(rest("/groups/" + team).get("members")).contains(ann));
        ok("group", "remove", sub);
        assertEquals(404, AdminClient.asAdmin("GET", "/groups/" + sub, null).status());
        Processes.Result again = atrium("group", "remove", sub);
        assertNotEquals(0, again.exit(), again.output());
        assertTrue(again.output().contains("404"), again.output());
    }

    @Test
    void domainAliasShowAndRemoval() throws Exception {
        String domain = AdminClient.unique("clidom") + ".example";
        String alias = AdminClient.unique("clialias") + ".example";
        ok("domain", "add", domain);
        ok("domain", "alias", "add", domain, alias);
        Processes.Result show = ok("domain", "show", domain);
        assertTrue(show.output().contains(alias), show.output());
        assertTrue(ok("domain", "show", domain, "--json").output().contains("\"aliases\":[\"" + alias + "\"]"));

        Processes.Result busy = atrium("domain", "remove", domain);
        assertNotEquals(0, busy.exit(), busy.output());
        assertTrue(busy.output().contains("409") && busy.output().contains("1 domain alias"), busy.output());

        ok("domain", "alias", "remove", domain, alias);
        assertTrue(ok("domain", "remove", domain).output().contains("domain " + domain + " removed"));
        assertEquals(404, AdminClient.asAdmin("GET", "/domains/" + domain, null).status());
    }
}
