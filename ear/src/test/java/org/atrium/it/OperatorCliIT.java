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
 * bin/atrium as an operator uses it against the running server: domain add, user add/passwd/list, status; clear
 * errors and a non-zero exit for bad input; credentials from the data dir's cli.conf, never from the command line.
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
}
