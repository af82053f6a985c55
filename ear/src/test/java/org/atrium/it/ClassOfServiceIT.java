package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * Classes of service (issue #6, ADR 0016) through the REST API, bin/atrium and the protocols: a profile that allows
 * only IMAP refuses POP3 ({@code -ERR [AUTH]}, RFC 3206) and SMTP AUTH on submission ({@code 535 5.7.8}) for the
 * right password, its quota is the user's effective quota (named as its source), removing the assignment restores
 * POP3, a profile still assigned cannot be deleted (409), and a profile without IMAP answers {@code NO
 * [CONTACTADMIN]} (RFC 5530).
 */
class ClassOfServiceIT {

    private static Map<String, Object> get(String path) {
        AdminClient.Reply r = AdminClient.asAdmin("GET", path, null);
        assertEquals(200, r.status(), r.toString());
        return Json.object(r.body());
    }

    private static void assertRefusal(int status, String field, AdminClient.Reply r) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.body().contains("\"field\":\"" + field + "\""), r.body());
    }

    @Test
    void imapOnlyProfileRefusesPop3AndSubmissionAndSetsTheQuota() throws Exception {
        String name = AdminClient.unique("imap-only-");
        AdminClient.Reply created = AdminClient.asAdmin("POST", "/classes-of-service", "{\"name\":"
                + AdminClient.json(name) + ",\"description\":\"IMAP only, 1 MiB\",\"quotaBytes\":1048576,"
                + "\"imap\":true,\"pop3\":false,\"submission\":false}");
        assertEquals(201, created.status(), created.toString());
        Map<String, Object> profile = Json.object(created.body());
        assertEquals(name, profile.get("name"));
        assertEquals(Boolean.FALSE, profile.get("pop3"), profile.toString());
        assertEquals(0L, ((Number) profile.get("users")).longValue(), profile.toString());

        assertRefusal(409, "name", AdminClient.asAdmin("POST", "/classes-of-service",
                "{\"name\":" + AdminClient.json(name.toUpperCase(java.util.Locale.ROOT)) + "}"));
        assertRefusal(400, "quotaBytes", AdminClient.asAdmin("POST", "/classes-of-service",
                "{\"name\":" + AdminClient.json(AdminClient.unique("bad-")) + ",\"quotaBytes\":-1}"));
        assertRefusal(400, "quotaWarnPercent", AdminClient.asAdmin("POST", "/classes-of-service",
                "{\"name\":" + AdminClient.json(AdminClient.unique("bad-")) + ",\"quotaWarnPercent\":150}"));
        assertRefusal(400, "name", AdminClient.asAdmin("POST", "/classes-of-service", "{\"name\":\"no spaces\"}"));

        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("cosuser", pw);
        assertTrue(pop3Login(user, pw).startsWith("+OK"), "before the assignment POP3 works");

        AdminClient.Reply assigned = AdminClient.asAdmin("PUT", "/users/" + user + "/class-of-service",
                "{\"name\":" + AdminClient.json(name) + "}");
        assertEquals(200, assigned.status(), assigned.toString());
        Map<String, Object> u = get("/users/" + user);
        assertEquals(name, u.get("classOfService"), u.toString());
        assertEquals(1_048_576L, ((Number) u.get("effectiveQuotaBytes")).longValue(), u.toString());
        assertEquals("classOfService", u.get("effectiveQuotaBytesSource"), u.toString());
        assertNull(u.get("quotaBytes"), "the user has no quota of his own");
        assertEquals(1L, ((Number) get("/classes-of-service/" + name).get("users")).longValue());

        assertEquals("-ERR [AUTH] POP3 access is not enabled for this account", pop3Login(user, pw));
        assertTrue(pop3Login(user, pw + "x").startsWith("-ERR [AUTH] "), "a wrong password is refused as ever");
        try (ImapConn imap = ImapConn.login(user, pw)) {
            ImapConn.Response q = imap.ok("GETQUOTAROOT INBOX");
            assertTrue(q.toString().contains("STORAGE 0 1024"), "RFC 9208: 1 MiB is 1024 KiB: " + q);
        }
        List<String> auth = submissionAuth(user, pw);
        assertTrue(auth.get(0).startsWith("535 5.7.8 ") || auth.get(0).startsWith("530 5.7.0 "), auth.toString());

        // Several refusals in a row are no password failures: the right password still logs in over IMAP at once.
        for (int i = 0; i < 4; i++) {
            assertTrue(pop3Login(user, pw).startsWith("-ERR [AUTH] "));
        }
        try (ImapConn imap = ImapConn.login(user, pw)) {
            imap.ok("NOOP");
        }

        assertRefusal(409, "name", AdminClient.asAdmin("DELETE", "/classes-of-service/" + name, null));
        Processes.Result dry = atrium("cos", "remove", name, "--dry-run");
        assertFalse(dry.exit() == 0, dry.output());
        assertTrue(dry.output().contains("assigned to 1 user"), dry.output());

        // Without IMAP too, the IMAP login says whom to ask (RFC 5530 CONTACTADMIN).
        AdminClient.Reply changed = AdminClient.asAdmin("PUT", "/classes-of-service/" + name,
                "{\"quotaBytes\":1048576,\"imap\":false,\"pop3\":false,\"submission\":false}");
        assertEquals(200, changed.status(), changed.toString());
        String refused = imapLogin(user, pw);
        assertTrue(refused.startsWith("a1 NO [CONTACTADMIN] "), refused);

        AdminClient.Reply none = AdminClient.asAdmin("PUT", "/users/" + user + "/class-of-service",
                "{\"name\":null}");
        assertEquals(200, none.status(), none.toString());
        u = Json.object(none.body());
        assertNull(u.get("classOfService"), u.toString());
        assertTrue(pop3Login(user, pw).startsWith("+OK"), "without the profile POP3 works again");
        assertEquals(List.of("235 2.7.0 Authentication successful"), submissionAuth(user, pw));

        assertEquals(204, AdminClient.asAdmin("DELETE", "/classes-of-service/" + name, null).status());
        assertEquals(404, AdminClient.asAdmin("GET", "/classes-of-service/" + name, null).status());
    }

    @Test
    void cliCreatesAssignsAndRemovesAProfile() throws Exception {
        String name = AdminClient.unique("cli-cos-");
        Processes.Result dry = ok("cos", "add", name, "--quota", "2097152", "--no-pop3", "--dry-run");
        assertTrue(dry.output().contains("would create"), dry.output());
        assertEquals(404, AdminClient.asAdmin("GET", "/classes-of-service/" + name, null).status(),
                "a dry run changes nothing");
        ok("cos", "add", name, "--quota", "2097152", "--no-pop3", "--no-submission");
        assertTrue(ok("cos", "list").output().contains(name));
        Map<String, Object> p = get("/classes-of-service/" + name);
        assertEquals(2_097_152L, ((Number) p.get("quotaBytes")).longValue(), p.toString());
        assertEquals(Boolean.TRUE, p.get("imap"));
        assertEquals(Boolean.FALSE, p.get("submission"));

        String user = AdminClient.newUser("clicos", "Pw-" + UUID.randomUUID());
        ok("user", "cos", user, name, "--dry-run");
        assertNull(get("/users/" + user).get("classOfService"), "a dry run changes nothing");
        ok("user", "cos", user, name);
        assertEquals(name, get("/users/" + user).get("classOfService"));
        assertTrue(ok("user", "show", user).output().contains(name));
        ok("user", "cos", user, "--none");
        assertNull(get("/users/" + user).get("classOfService"));
        ok("cos", "remove", name);
        assertEquals(404, AdminClient.asAdmin("GET", "/classes-of-service/" + name, null).status());
    }

    /**
     * Without public folders the shared namespace is NIL in NAMESPACE (RFC 2342 §5); without delegation the user's
     * own PUT of a grant is 403 and SETACL on an own folder {@code NO [NOPERM]}, while an administrator still may
     * grant for him and taking rights back stays possible.
     */
    @Test
    void featuresHidePublicFoldersAndStopSelfServiceDelegation() throws Exception {
        String name = AdminClient.unique("locked-");
        AdminClient.Reply created = AdminClient.asAdmin("POST", "/classes-of-service", "{\"name\":"
                + AdminClient.json(name) + ",\"publicFolders\":false,\"delegation\":false}");
        assertEquals(201, created.status(), created.toString());
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("cosfeat", pw);
        String other = AdminClient.newUser("cosother", "Pw-" + UUID.randomUUID());
        try (ImapConn imap = ImapConn.login(user, pw)) {
            assertTrue(imap.ok("NAMESPACE").toString().contains("\"Public Folders/\""), "before the assignment");
        }
        AdminClient.Reply selfBefore = AdminClient.call("PUT", "/users/" + user + "/grants/" + other,
                "{\"access\":\"READ\"}", user, pw);
        assertEquals(200, selfBefore.status(), selfBefore.toString());
        assertEquals(204, AdminClient.call("DELETE", "/users/" + user + "/grants/" + other, null, user, pw).status());

        assertEquals(200, AdminClient.asAdmin("PUT", "/users/" + user + "/class-of-service",
                "{\"name\":" + AdminClient.json(name) + "}").status());
        try (ImapConn imap = ImapConn.login(user, pw)) {
            ImapConn.Response ns = imap.ok("NAMESPACE");
            assertFalse(ns.toString().contains("Public Folders"), ns.toString());
            assertTrue(ns.toString().contains("NIL"), ns.toString());
            ImapConn.Response list = imap.ok("LIST \"\" \"Public Folders/*\"");
            assertTrue(list.matching("\\* LIST .*").isEmpty(), list.toString());
            imap.ok("CREATE Shared" + name);
            ImapConn.Response acl = imap.cmd("SETACL Shared" + name + " " + ImapConn.quote(other) + " lr");
            assertFalse(acl.ok(), acl.toString());
            assertTrue(acl.tagged().contains("[NOPERM]"), acl.tagged());
        }
        AdminClient.Reply self = AdminClient.call("PUT", "/users/" + user + "/grants/" + other,
                "{\"access\":\"READ\"}", user, pw);
        assertEquals(403, self.status(), self.toString());
        AdminClient.Reply byAdmin = AdminClient.asAdmin("PUT", "/users/" + user + "/grants/" + other,
                "{\"access\":\"READ\"}");
        assertEquals(200, byAdmin.status(), byAdmin.toString());
        assertEquals(204, AdminClient.call("DELETE", "/users/" + user + "/grants/" + other, null, user, pw).status(),
                "taking a grant back stays possible");

        assertEquals(200, AdminClient.asAdmin("PUT", "/users/" + user + "/class-of-service", "{}").status());
        assertEquals(204, AdminClient.asAdmin("DELETE", "/classes-of-service/" + name, null).status());
    }

    // ---- helpers ----

    private static Processes.Result atrium(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Processes.atrium()));
        cmd.addAll(List.of(args));
        return Processes.run(cmd, Processes.atriumEnv(), null, 120);
    }

    private static Processes.Result ok(String... args) throws Exception {
        Processes.Result r = atrium(args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.output());
        return r;
    }

    /** USER/PASS (RFC 1939 §7): the answer to PASS. */
    private static String pop3Login(String user, String password) throws IOException {
        try (Socket s = new Socket(ItEnv.HOST, ItEnv.pop3())) {
            s.setSoTimeout(30_000);
            BufferedReader in = SmtpWire.reader(s);
            assertTrue(in.readLine().startsWith("+OK"));
            SmtpWire.write(s, "USER " + user + "\r\n");
            assertTrue(in.readLine().startsWith("+OK"));
            SmtpWire.write(s, "PASS " + password + "\r\n");
            String answer = in.readLine();
            SmtpWire.write(s, "QUIT\r\n");
            return answer;
        }
    }

    /** LOGIN (RFC 9051 §6.2.3) on a fresh connection: the tagged answer. */
    private static String imapLogin(String user, String password) throws IOException {
        try (Socket s = new Socket(ItEnv.HOST, ItEnv.imap())) {
            s.setSoTimeout(30_000);
            BufferedReader in = SmtpWire.reader(s);
            assertTrue(in.readLine().startsWith("* OK"));
            SmtpWire.write(s, "a1 LOGIN " + ImapConn.quote(user) + " " + ImapConn.quote(password) + "\r\n");
            String line;
            do {
                line = in.readLine();
                if (line == null) {
                    throw new IOException("IMAP connection closed during LOGIN");
                }
            } while (!line.startsWith("a1 "));
            SmtpWire.write(s, "a2 LOGOUT\r\n");
            return line;
        }
    }

    /** AUTH PLAIN on the implicit-TLS submission port (RFC 8314, RFC 4954): the reply lines. */
    private static List<String> submissionAuth(String user, String password) throws Exception {
        try (SSLSocket s = SmtpWire.implicitTls()) {
            BufferedReader in = SmtpWire.reader(s);
            assertTrue(SmtpWire.reply(in).get(0).startsWith("220 "));
            SmtpWire.write(s, "EHLO cos.example.org\r\n");
            SmtpWire.reply(in);
            SmtpWire.write(s, "AUTH PLAIN " + Base64.getEncoder().encodeToString(("\0" + user + "\0" + password)
                    .getBytes(StandardCharsets.UTF_8)) + "\r\n");
            List<String> answer = SmtpWire.reply(in);
            SmtpWire.write(s, "QUIT\r\n");
            return answer;
        }
    }
}
