package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * bin/atrium as an operator uses it against the running server: domain add, user add/passwd/list, status; public
 * folders, groups and mailbox grants (ADR 0006); clear errors and a non-zero exit for bad input; credentials from the
 * data dir's cli.conf, never from the command line.
 */
class OperatorCliIT {

    private static Processes.Result atrium(String stdin, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Processes.atrium()));
        cmd.addAll(List.of(args));
        return Processes.run(cmd, Processes.atriumEnv(), stdin, 120);
    }

    @Test
    void domainAndUserLifecycleThenTheUserReceivesMail() throws Exception {
        String domain = "cli" + System.currentTimeMillis() % 100000 + ".example";
        Processes.Result d = atrium(null, "domain", "add", domain);
        assertEquals(0, d.exit(), d.output());
        assertTrue(d.output().contains("domain " + domain + " added"), d.output());

        Processes.Result dup = atrium(null, "domain", "add", domain);
        assertNotEquals(0, dup.exit());
        assertTrue(dup.output().contains("already exists"), dup.output());

        String carol = "carol@" + domain;
        Processes.Result u = atrium("First-Password-1\n", "user", "add", carol, "--password-stdin");
        assertEquals(0, u.exit(), u.output());

        Processes.Result list = atrium(null, "user", "list", domain);
        assertEquals(0, list.exit(), list.output());
        assertTrue(list.output().contains(carol), list.output());

        Processes.Result pw = atrium("Second-Password-2\n", "user", "passwd", carol, "--password-stdin");
        assertEquals(0, pw.exit(), pw.output());

        MailTools.sendRaw("someone@example.org", carol, "Subject: to carol\r\n\r\nhi");
        MailTools.awaitMessages(carol, "Second-Password-2", 1, Duration.ofSeconds(20));

        Processes.Result status = atrium(null, "status");
        assertEquals(0, status.exit(), status.output());
        assertTrue(status.output().contains("\"status\":\"UP\""), status.output());
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndNonZeroExit() throws Exception {
        Processes.Result badAddress = atrium("Some-Password-1\n", "user", "add", "not-an-address", "--password-stdin");
        assertNotEquals(0, badAddress.exit());
        assertTrue(badAddress.output().contains("not an address"), badAddress.output());

        Processes.Result unknownDomain = atrium("Some-Password-1\n", "user", "add", "x@nowhere.example",
                "--password-stdin");
        assertNotEquals(0, unknownDomain.exit());
        assertTrue(unknownDomain.output().contains("not hosted here"), unknownDomain.output());

        Processes.Result shortPassword = atrium("short\n", "user", "add", "shorty@" + ItEnv.DOMAIN, "--password-stdin");
        assertNotEquals(0, shortPassword.exit());
        assertTrue(shortPassword.output().contains("at least 8"), shortPassword.output());

        Processes.Result usage = atrium(null, "user", "add", "x@" + ItEnv.DOMAIN);
        assertNotEquals(0, usage.exit());
        assertTrue(usage.output().contains("usage"), usage.output());

        Map<String, String> noCredentials = new HashMap<>(Processes.atriumEnv());
        noCredentials.put("ATRIUM_CLI_CONFIG", "/nonexistent");
        Processes.Result none = Processes.run(List.of(Processes.atrium(), "user", "list"), noCredentials, null, 60);
        assertNotEquals(0, none.exit());
        assertTrue(none.output().contains("no admin credentials"), none.output());
    }

    @Test
    void adminApiRefusesNonAdministratorsAndAnonymousCalls() {
        assertEquals(401, AdminClient.call("GET", "/users", null, null, null).status());
        assertEquals(401, AdminClient.call("GET", "/users", null, ItEnv.admin(), "wrong-password").status());
        AdminClient.Reply asUser = AdminClient.call("GET", "/users", null, "alice@" + ItEnv.DOMAIN, ItEnv.demoPassword());
        assertEquals(403, asUser.status());
        assertTrue(asUser.body().contains("\"code\":\"FORBIDDEN\""), asUser.body());
        AdminClient.Reply invalid = AdminClient.asAdmin("POST", "/users", "{\"address\":\"bad\",\"password\":\"12345678\"}");
        assertEquals(400, invalid.status());
        assertTrue(invalid.body().contains("\"field\":\"address\""), invalid.body());
        assertEquals(200, AdminClient.call("GET", "/health", null, null, null).status());
    }

    /**
     * folder add/permit/list/address, group add, grant set/list (ADR 0006): each takes effect as the REST API and
     * IMAP show it; a duplicate folder and an unknown role fail with the API's status and a non-zero exit.
     */
    @Test
    void publicFoldersGroupsAndGrantsFromTheCommandLine() throws Exception {
        String path = AdminClient.unique("Cli");
        String pw = "Pw-" + java.util.UUID.randomUUID();
        String editor = AdminClient.newUser("clieditor", pw);
        String member = AdminClient.newUser("climember", pw);

        Processes.Result add = atrium(null, "folder", "add", path);
        assertEquals(0, add.exit(), add.output());
        Processes.Result dup = atrium(null, "folder", "add", path);
        assertNotEquals(0, dup.exit(), dup.output());
        assertTrue(dup.output().contains("409"), dup.output());

        Processes.Result permit = atrium(null, "folder", "permit", path, editor, "Publishing Editor");
        assertEquals(0, permit.exit(), permit.output());
        Processes.Result badRole = atrium(null, "folder", "permit", path, editor, "Emperor");
        assertNotEquals(0, badRole.exit(), badRole.output());
        assertTrue(badRole.output().contains("400"), badRole.output());

        Processes.Result list = atrium(null, "folder", "list");
        assertEquals(0, list.exit(), list.output());
        assertTrue(list.output().contains(path), list.output());
        assertEquals("Publishing Editor",
                PublicFoldersIT.permission(PublicFoldersIT.listed(path), editor).get("role"));
        try (ImapConn imap = ImapConn.login(editor, pw)) {
            ImapConn.Response rights = imap.ok("MYRIGHTS " + ImapConn.quote("Public Folders/" + path));
            assertEquals(1, rights.matching("\\* MYRIGHTS .* \"?lrswipkte\"?").size(), rights.toString());
        }

        String folderAddress = AdminClient.unique("clifolder") + "@" + ItEnv.DOMAIN;
        Processes.Result address = atrium(null, "folder", "address", path, folderAddress);
        assertEquals(0, address.exit(), address.output());
        assertEquals(folderAddress, String.valueOf(PublicFoldersIT.listed(path).get("address")).toLowerCase());

        String group = AdminClient.unique("cligroup") + "@" + ItEnv.DOMAIN;
        Processes.Result g = atrium(null, "group", "add", group, editor, member);
        assertEquals(0, g.exit(), g.output());
        AdminClient.Reply groups = AdminClient.asAdmin("GET", "/groups", null);
        assertEquals(200, groups.status(), groups.toString());
        Map<String, Object> created = Json.array(groups.body()).stream()
                .filter(x -> group.equalsIgnoreCase(String.valueOf(x.get("address")))).findFirst()
                .orElseThrow(() -> new AssertionError(group + " not in " + groups.body()));
        String members = String.valueOf(created.get("members")).toLowerCase();
        assertTrue(members.contains(editor) && members.contains(member), created.toString());

        Processes.Result grant = atrium(null, "grant", "set", editor, member, "--access", "READ");
        assertEquals(0, grant.exit(), grant.output());
        Processes.Result grants = atrium(null, "grant", "list", editor);
        assertEquals(0, grants.exit(), grants.output());
        assertTrue(grants.output().contains(member), grants.output());
        AdminClient.Reply rest = AdminClient.asAdmin("GET", "/users/" + editor + "/grants", null);
        Map<String, Object> stored = DelegationIT.listedGrant(rest.body(), member);
        assertTrue(stored != null && "READ".equals(stored.get("access")), rest.body());
    }
}
