package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.AuthenticationFailedException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * User administration and quotas (issue #6) through the REST API and bin/atrium, checked over the protocols: a quota
 * set by REST is the one IMAP GETQUOTAROOT shows (RFC 9208, STORAGE in KiB) and a full mailbox refuses mail at RCPT
 * (552 5.2.2, RFC 3463); a domain default applies to users without their own; a disabled account cannot log in and
 * mail to it is refused (550 5.2.1); aliases receive mail and a taken one is refused naming the field.
 */
class UserAdminIT {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    private static String password() {
        return "Pw-" + java.util.UUID.randomUUID();
    }

    private static Map<String, Object> user(String address) {
        AdminClient.Reply r = AdminClient.asAdmin("GET", "/users/" + address, null);
        assertEquals(200, r.status(), r.toString());
        return Json.object(r.body());
    }

    private static long number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        assertTrue(v instanceof Number, key + " is not a number in " + m);
        return ((Number) v).longValue();
    }

    private static void assertRefusal(int status, String field, AdminClient.Reply r) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.body().contains("\"field\":\"" + field + "\""), r.body());
    }

    /** The QUOTA line GETQUOTAROOT INBOX answers (RFC 9208 §4.3, §7.1). */
    private static String quotaLine(String user, String pw) throws IOException {
        try (ImapConn imap = ImapConn.login(user, pw)) {
            ImapConn.Response r = imap.ok("GETQUOTAROOT INBOX");
            List<String> lines = r.matching("\\* QUOTA .*");
            assertEquals(1, lines.size(), r.toString());
            return lines.get(0);
        }
    }

    /** Waits until the detailed view counts {@code n} messages (delivery runs after the SMTP reply). */
    private static Map<String, Object> awaitCount(String address, long n) throws InterruptedException {
        Instant deadline = Instant.now().plus(DELIVERY);
        Map<String, Object> u = user(address);
        while (number(u, "messageCount") < n && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            u = user(address);
        }
        assertEquals(n, number(u, "messageCount"), u.toString());
        return u;
    }

    @Test
    void quotaSetByRestIsWhatImapShowsAndAFullMailboxRefusesMailAtRcpt() throws Exception {
        String pw = password();
        String ann = AdminClient.newUser("quotaann", pw);

        Map<String, Object> fresh = user(ann);
        assertEquals(0L, number(fresh, "usedBytes"), fresh.toString());
        assertEquals(0L, number(fresh, "messageCount"), fresh.toString());
        assertEquals(Boolean.TRUE, fresh.get("enabled"), fresh.toString());
        assertEquals(Boolean.FALSE, fresh.get("overWarning"), fresh.toString());
        assertNull(fresh.get("quotaBytes"), fresh.toString());
        assertTrue(fresh.containsKey("aliases") && fresh.containsKey("createdAt"), fresh.toString());

        AdminClient.Reply set = AdminClient.asAdmin("PUT", "/users/" + ann + "/quota",
                "{\"bytes\":10240,\"messages\":1,\"warnPercent\":50}");
        assertEquals(200, set.status(), set.toString());
        Map<String, Object> limited = Json.object(set.body());
        assertEquals(10240L, number(limited, "quotaBytes"), limited.toString());
        assertEquals(1L, number(limited, "quotaMessages"), limited.toString());
        assertEquals(50L, number(limited, "quotaWarnPercent"), limited.toString());
        assertEquals(10240L, number(limited, "effectiveQuotaBytes"), limited.toString());
        assertEquals(1L, number(limited, "effectiveQuotaMessages"), limited.toString());

        assertEquals("* QUOTA \"\" (STORAGE 0 10 MESSAGE 0 1)", quotaLine(ann, pw));

        MailTools.sendRaw("sender@example.org", ann, "Subject: fits\r\n\r\nthe one message that fits");
        Map<String, Object> after = awaitCount(ann, 1);
        long used = number(after, "usedBytes");
        assertTrue(used > 0 && used < 10240, after.toString());
        assertEquals(Boolean.TRUE, after.get("overWarning"), "1 of 1 message is above 50%: " + after);
        assertEquals("* QUOTA \"\" (STORAGE " + (used + 1023) / 1024 + " 10 MESSAGE 1 1)", quotaLine(ann, pw));

        List<String> refused = MailTools.smtpReplies("sender@example.org", ann, "Subject: no room\r\n\r\nx");
        assertTrue(refused.get(1).startsWith("552 5.2.2"), "RCPT to a full mailbox: " + refused);
        assertEquals(1L, number(user(ann), "messageCount"));

        AdminClient.Reply cleared = AdminClient.asAdmin("PUT", "/users/" + ann + "/quota",
                "{\"bytes\":null,\"messages\":null,\"warnPercent\":null}");
        assertEquals(200, cleared.status(), cleared.toString());
        assertNull(Json.object(cleared.body()).get("quotaMessages"), cleared.body());
        List<String> accepted = MailTools.smtpReplies("sender@example.org", ann, "Subject: room again\r\n\r\nx");
        assertTrue(accepted.get(1).startsWith("250"), "RCPT once the limit is gone: " + accepted);
        awaitCount(ann, 2);

        assertRefusal(400, "bytes", AdminClient.asAdmin("PUT", "/users/" + ann + "/quota", "{\"bytes\":-1}"));
        assertRefusal(400, "messages", AdminClient.asAdmin("PUT", "/users/" + ann + "/quota", "{\"messages\":-5}"));
        assertRefusal(400, "warnPercent",
                AdminClient.asAdmin("PUT", "/users/" + ann + "/quota", "{\"warnPercent\":0}"));
        assertRefusal(400, "warnPercent",
                AdminClient.asAdmin("PUT", "/users/" + ann + "/quota", "{\"warnPercent\":101}"));
        String nobody = "nobody" + System.nanoTime() + "@" + ItEnv.DOMAIN;
        assertEquals(404, AdminClient.asAdmin("PUT", "/users/" + nobody + "/quota", "{\"bytes\":1}").status());
        assertEquals(404, AdminClient.asAdmin("GET", "/users/" + nobody, null).status());
    }

    @Test
    void domainDefaultAppliesToUsersWithoutTheirOwn() throws Exception {
        String domain = AdminClient.unique("quota") + ".example";
        assertEquals(201, AdminClient.asAdmin("POST", "/domains", "{\"name\":" + AdminClient.json(domain) + "}")
                .status());
        String pw = password();
        String dora = "dora@" + domain;
        assertEquals(201, AdminClient.asAdmin("POST", "/users", "{\"address\":" + AdminClient.json(dora)
                + ",\"password\":" + AdminClient.json(pw) + "}").status());

        AdminClient.Reply set = AdminClient.asAdmin("PUT", "/domains/" + domain + "/quota",
                "{\"bytes\":20480,\"messages\":3}");
        assertEquals(200, set.status(), set.toString());
        AdminClient.Reply shown = AdminClient.asAdmin("GET", "/domains/" + domain, null);
        assertEquals(200, shown.status(), shown.toString());
        Map<String, Object> d = Json.object(shown.body());
        assertEquals(20480L, number(d, "quotaBytes"), d.toString());
        assertEquals(3L, number(d, "quotaMessages"), d.toString());
        assertNull(d.get("quotaWarnPercent"), d.toString());
        assertEquals(1L, number(d, "users"), d.toString());

        Map<String, Object> u = user(dora);
        assertNull(u.get("quotaBytes"), "no quota of her own: " + u);
        assertEquals(20480L, number(u, "effectiveQuotaBytes"), u.toString());
        assertEquals(3L, number(u, "effectiveQuotaMessages"), u.toString());
        assertEquals(90L, number(u, "effectiveWarnPercent"), u.toString());
        assertEquals("* QUOTA \"\" (STORAGE 0 20 MESSAGE 0 3)", quotaLine(dora, pw));

        AdminClient.Reply own = AdminClient.asAdmin("PUT", "/users/" + dora + "/quota", "{\"bytes\":40960}");
        assertEquals(200, own.status(), own.toString());
        assertEquals("* QUOTA \"\" (STORAGE 0 40 MESSAGE 0 3)", quotaLine(dora, pw),
                "her own storage limit, the domain's message limit");

        assertRefusal(400, "messages", AdminClient.asAdmin("PUT", "/domains/" + domain + "/quota",
                "{\"messages\":-1}"));
        assertRefusal(400, "warnPercent", AdminClient.asAdmin("PUT", "/domains/" + domain + "/quota",
                "{\"warnPercent\":200}"));
        assertEquals(404, AdminClient.asAdmin("PUT", "/domains/nowhere" + System.nanoTime() + ".example/quota",
                "{\"bytes\":1}").status());
        assertEquals(404, AdminClient.asAdmin("GET", "/domains/nowhere" + System.nanoTime() + ".example", null)
                .status());
    }

    @Test
    void aDisabledAccountCannotLogInAndRefusesMailUntilEnabledAgain() throws Exception {
        String pw = password();
        String ben = AdminClient.newUser("disben", pw);
        String alias = AdminClient.unique("disalias") + "@" + ItEnv.DOMAIN;
        assertEquals(201, AdminClient.asAdmin("POST", "/users/" + ben + "/aliases",
                "{\"alias\":" + AdminClient.json(alias) + "}").status());

        AdminClient.Reply off = AdminClient.asAdmin("PUT", "/users/" + ben + "/enabled", "{\"enabled\":false}");
        assertEquals(200, off.status(), off.toString());
        assertEquals(Boolean.FALSE, Json.object(off.body()).get("enabled"), off.body());
        assertEquals(Boolean.FALSE, user(ben).get("enabled"));

        assertThrows(AuthenticationFailedException.class, () -> MailTools.imapStore(ben, pw).close(),
                "IMAP LOGIN of a disabled account");
        assertThrows(IOException.class, () -> MailTools.pop3Count(ben, pw), "POP3 PASS of a disabled account");
        List<String> toBen = MailTools.smtpReplies("sender@example.org", ben, "Subject: x\r\n\r\nx");
        assertTrue(toBen.get(1).startsWith("550 5.2.1"), "RCPT to a disabled account: " + toBen);
        List<String> toAlias = MailTools.smtpReplies("sender@example.org", alias, "Subject: x\r\n\r\nx");
        assertTrue(toAlias.get(1).startsWith("550 5.2.1"), "RCPT to its alias: " + toAlias);

        AdminClient.Reply on = AdminClient.asAdmin("PUT", "/users/" + ben + "/enabled", "{\"enabled\":true}");
        assertEquals(200, on.status(), on.toString());
        try (ImapConn imap = ImapConn.login(ben, pw)) {
            imap.ok("SELECT INBOX");
        }
        MailTools.sendRaw("sender@example.org", ben, "Subject: welcome back\r\n\r\nhello again");
        MailTools.awaitMessages(ben, pw, 1, DELIVERY);

        assertRefusal(400, "enabled", AdminClient.asAdmin("PUT", "/users/" + ben + "/enabled", "{}"));
        assertEquals(404, AdminClient.asAdmin("PUT", "/users/nobody" + System.nanoTime() + "@" + ItEnv.DOMAIN
                + "/enabled", "{\"enabled\":false}").status());
    }

    @Test
    void anAliasReceivesMailAndATakenOneIsRefusedNamingTheField() throws Exception {
        String pw = password();
        String cleo = AdminClient.newUser("aliascleo", pw);
        String other = AdminClient.newUser("aliasother", pw);
        String alias = AdminClient.unique("cleo") + "@" + ItEnv.DOMAIN;

        AdminClient.Reply added = AdminClient.asAdmin("POST", "/users/" + cleo + "/aliases",
                "{\"alias\":" + AdminClient.json(alias) + "}");
        assertEquals(201, added.status(), added.toString());
        assertTrue(String.valueOf(Json.object(added.body()).get("aliases")).contains(alias), added.body());

        MailTools.sendRaw("sender@example.org", alias, "Subject: by alias\r\n\r\nto the alias");
        Map<String, Object> u = awaitCount(cleo, 1);
        assertTrue(number(u, "usedBytes") > 0, u.toString());
        MailTools.awaitMessages(cleo, pw, 1, DELIVERY);

        assertRefusal(409, "alias", AdminClient.asAdmin("POST", "/users/" + other + "/aliases",
                "{\"alias\":" + AdminClient.json(alias) + "}"));
        assertRefusal(409, "alias", AdminClient.asAdmin("POST", "/users/" + other + "/aliases",
                "{\"alias\":" + AdminClient.json(cleo) + "}"));
        assertRefusal(400, "alias", AdminClient.asAdmin("POST", "/users/" + other + "/aliases",
                "{\"alias\":\"x@not-hosted.example\"}"));
        assertRefusal(400, "alias", AdminClient.asAdmin("POST", "/users/" + other + "/aliases",
                "{\"alias\":\"not an address\"}"));

        assertEquals(204, AdminClient.asAdmin("DELETE", "/users/" + cleo + "/aliases/" + alias, null).status());
        assertFalse(String.valueOf(user(cleo).get("aliases")).contains(alias));
        List<String> gone = MailTools.smtpReplies("sender@example.org", alias, "Subject: x\r\n\r\nx");
        assertTrue(gone.get(1).startsWith("550 5.1.1"), "RCPT to a removed alias: " + gone);
        assertEquals(404, AdminClient.asAdmin("DELETE", "/users/" + cleo + "/aliases/" + alias, null).status());
    }

    private static Processes.Result atrium(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Processes.atrium()));
        cmd.addAll(List.of(args));
        return Processes.run(cmd, Processes.atriumEnv(), null, 120);
    }

    @Test
    void theCliShowsAUserAsJsonAndSetsQuotas() throws Exception {
        String pw = password();
        String dan = AdminClient.newUser("clidan", pw);

        Processes.Result set = atrium("quota", "set", dan, "5000", "7", "--warn", "80");
        assertEquals(0, set.exit(), set.output());
        Map<String, Object> u = user(dan);
        assertEquals(5000L, number(u, "quotaBytes"), u.toString());
        assertEquals(7L, number(u, "quotaMessages"), u.toString());
        assertEquals(80L, number(u, "quotaWarnPercent"), u.toString());

        Processes.Result show = atrium("user", "show", dan, "--json");
        assertEquals(0, show.exit(), show.output());
        String out = show.output();
        Map<String, Object> shown = Json.object(out.substring(out.indexOf('{'), out.lastIndexOf('}') + 1));
        assertEquals(dan, shown.get("address"), out);
        assertEquals(5000L, number(shown, "effectiveQuotaBytes"), out);
        assertEquals(0L, number(shown, "messageCount"), out);

        Processes.Result table = atrium("user", "show", dan);
        assertEquals(0, table.exit(), table.output());
        assertTrue(table.output().contains("5000 (own)"), table.output());

        Processes.Result none = atrium("quota", "set", dan, "-");
        assertEquals(0, none.exit(), none.output());
        Map<String, Object> cleared = user(dan);
        assertNull(cleared.get("quotaBytes"), cleared.toString());
        assertNull(cleared.get("quotaMessages"), cleared.toString());

        Processes.Result bad = atrium("quota", "set", dan, "lots");
        assertNotEquals(0, bad.exit(), bad.output());
        Processes.Result unknown = atrium("quota", "set", "nobody" + System.nanoTime() + "@" + ItEnv.DOMAIN, "1");
        assertNotEquals(0, unknown.exit(), unknown.output());
        assertTrue(unknown.output().contains("404"), unknown.output());

        Processes.Result off = atrium("user", "disable", dan);
        assertEquals(0, off.exit(), off.output());
        assertEquals(Boolean.FALSE, user(dan).get("enabled"));
        Processes.Result on = atrium("user", "enable", dan);
        assertEquals(0, on.exit(), on.output());
        assertEquals(Boolean.TRUE, user(dan).get("enabled"));
    }
}
