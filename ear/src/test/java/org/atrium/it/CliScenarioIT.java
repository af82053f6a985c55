package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue #6's scenario through bin/atrium only: create a domain, a user, a group with that user and a quota; dry runs
 * change nothing; {@code --json} answers parse; then the user logs in over IMAP and receives mail sent over SMTP to
 * the group. Errors exit non-zero with the API's message on standard error.
 */
class CliScenarioIT {

    /** What bin/atrium printed, standard output and standard error apart. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Run atrium(String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Processes.atrium()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("atrium-cli", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
            pb.environment().putAll(Processes.atriumEnv());
            Process p = pb.start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(cmd + " did not finish in 120 s");
            }
            return new Run(p.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static Run ok(String stdin, String... args) throws Exception {
        Run r = atrium(stdin, args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r);
        return r;
    }

    private static Map<String, Object> showJson(String what, String name) throws Exception {
        return Json.object(ok(null, what, "show", name, "--json").out().strip());
    }

    @Test
    void domainUserGroupQuotaThenTheUserLogsInAndReceivesTheGroupsMail() throws Exception {
        String domain = AdminClient.unique("scenario") + ".example";
        String user = "dana@" + domain;
        String group = "team@" + domain;
        String password = "Scenario-" + java.util.UUID.randomUUID();

        assertTrue(ok(null, "domain", "add", domain).out().contains("domain " + domain + " added"));
        ok(password + "\n", "user", "add", user, "--password-stdin", "--name", "Dana Scenario");
        ok(null, "group", "add", group, "--name", "Scenario Team");
        assertTrue(ok(null, "group", "member", "add", group, user).out().contains(user + " added to group " + group));
        ok(null, "quota", "set", user, "10000000", "1000", "--warn", "80");

        // --json: the API's own answers, which parse.
        Map<String, Object> u = showJson("user", user);
        assertEquals(user, u.get("address"), u.toString());
        assertEquals("Dana Scenario", u.get("displayName"), u.toString());
        assertEquals(10_000_000L, u.get("quotaBytes"), u.toString());
        assertEquals(1000L, u.get("quotaMessages"), u.toString());
        Map<String, Object> g = showJson("group", group);
        assertEquals(List.of(user), g.get("members"), g.toString());
        assertTrue(Json.array(ok(null, "domain", "list", "--json").out().strip()).stream()
                .anyMatch(d -> domain.equals(d.get("name"))));
        assertTrue(Json.array(ok(null, "user", "list", domain, "--json").out().strip()).stream()
                .anyMatch(x -> user.equals(x.get("address"))));
        assertEquals(List.of(), Json.array(ok(null, "grant", "list", user, "--json").out().strip()));

        // --dry-run: says what it would do, exits 0, changes nothing (the shows below tell).
        Run dryQuota = ok(null, "quota", "set", user, "1", "--dry-run");
        assertTrue(dryQuota.out().contains("dry run: would PUT /api/v1/users/" + user + "/quota"), dryQuota.toString());
        Run dryRemove = ok(null, "group", "member", "remove", group, user, "--dry-run");
        assertTrue(dryRemove.out().contains("would DELETE"), dryRemove.toString());
        assertFalse(dryRemove.out().contains("removed from group"), dryRemove.toString());
        Run dryUser = ok("Another-Password-1\n", "user", "add", "ghost@" + domain, "--password-stdin", "--dry-run");
        assertTrue(dryUser.out().contains("would POST /api/v1/users"), dryUser.toString());
        assertFalse(dryUser.out().contains("Another-Password-1"), "a dry run shows no password: " + dryUser);
        ok(null, "domain", "remove", domain, "--dry-run");
        assertEquals(10_000_000L, showJson("user", user).get("quotaBytes"));
        assertEquals(List.of(user), showJson("group", group).get("members"));
        assertEquals(404, AdminClient.asAdmin("GET", "/users/ghost@" + domain, null).status());
        assertEquals(200, AdminClient.asAdmin("GET", "/domains/" + domain, null).status());
        // A dry run on something that does not exist says so, and fails as the change would.
        Run dryUnknown = atrium(null, "quota", "set", "nobody@" + domain, "1", "--dry-run");
        assertNotEquals(0, dryUnknown.exit(), dryUnknown.toString());
        assertTrue(dryUnknown.err().contains("no account"), dryUnknown.toString());

        // The user logs in over IMAP, and mail to the group reaches their INBOX.
        try (ImapConn imap = ImapConn.login(user, password)) {
            imap.ok("SELECT INBOX");
        }
        String subject = "to the team " + AdminClient.unique("s");
        List<String> replies = MailTools.smtpReplies("someone@example.org", group,
                "From: someone@example.org\r\nTo: " + group + "\r\nSubject: " + subject + "\r\n\r\nhello team");
        assertTrue(replies.size() == 4 && replies.stream().allMatch(r -> r.startsWith("250") || r.startsWith("354")),
                replies.toString());
        MailTools.awaitMessages(user, password, 1, Duration.ofSeconds(30));
        try (ImapConn imap = ImapConn.login(user, password)) {
            imap.ok("SELECT INBOX");
            assertEquals(1, imap.uidSearch("SUBJECT " + ImapConn.quote(subject)).size());
        }
        Map<String, Object> after = showJson("user", user);
        assertTrue(((Number) after.get("messageCount")).longValue() >= 1, after.toString());
    }

    @Test
    void anUnknownUserExitsNonZeroWithTheApisMessageOnStandardError() throws Exception {
        String nobody = AdminClient.unique("nobody") + "@" + ItEnv.DOMAIN;
        Run show = atrium(null, "user", "show", nobody);
        assertNotEquals(0, show.exit(), show.toString());
        assertTrue(show.err().contains("no account " + nobody) && show.err().contains("404"), show.toString());
        assertEquals("", show.out(), show.toString());

        Run json = atrium(null, "user", "show", nobody, "--json");
        assertNotEquals(0, json.exit(), json.toString());
        assertTrue(json.err().contains("404"), json.toString());

        Run quota = atrium(null, "quota", "set", nobody, "1000");
        assertNotEquals(0, quota.exit(), quota.toString());
        assertTrue(quota.err().contains(nobody), quota.toString());

        Run usage = atrium(null, "user", "frobnicate");
        assertNotEquals(0, usage.exit(), usage.toString());
        assertTrue(usage.err().contains("usage"), usage.toString());
    }
}
