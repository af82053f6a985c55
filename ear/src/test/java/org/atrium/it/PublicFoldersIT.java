package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Public folders (ADR 0006, issue #5) as Exchange users know them, over IMAP (RFC 3501, RFC 4314 rights, RFC 5530
 * codes), SMTP and the admin REST API. The scenario: an administrator creates a top-level folder and makes a user its
 * Owner; the owner creates {@code Apollo} below it over IMAP and gives a reviewer the Reviewer rights by SETACL; the
 * administrator gives a group the Author role (rights plus "own" rights, which IMAP cannot express). Authors change
 * only their own items; the reviewer reads and keeps only its own \Seen; an outsider sees nothing; a new subfolder
 * inherits the ACL; a mail-enabled folder takes mail once {@code anyone} may post; the prohibit quota refuses posts.
 *
 * <p>Every test has its own users, group and folder tree (a unique top-level name): the public tree is shared by all
 * tests and by runs on the same database. No test gives {@code anyone} or {@code authenticated} the {@code l} right,
 * which would show its folders in every other test's LIST.
 */
class PublicFoldersIT {

    private static final String PF = "Public Folders/";

    record User(String address, String password) {
        ImapConn imap() throws Exception {
            return ImapConn.login(address, password);
        }
    }

    /** Owner of the top folder, two authors in a group, a reviewer, an outsider, and the folder paths. */
    record Fixture(User owner, User author1, User author2, User reviewer, User outsider, String group, String projects,
            String apollo) {
    }

    static User user(String prefix) {
        String pw = "Pw-" + UUID.randomUUID();
        return new User(AdminClient.newUser(prefix, pw), pw);
    }

    static String q(String mailbox) {
        return ImapConn.quote(mailbox);
    }

    static String message(String subject, String body) {
        return "From: Tester <tester@example.org>\r\nSubject: " + subject + "\r\nMessage-ID: <" + UUID.randomUUID()
                + "@example.org>\r\n\r\n" + body + "\r\n";
    }

    static AdminClient.Reply expect(int status, AdminClient.Reply r, String what) {
        assertEquals(status, r.status(), what + ": " + r);
        return r;
    }

    static void createFolder(String path) {
        expect(201, AdminClient.asAdmin("POST", "/public-folders", "{\"path\":" + AdminClient.json(path)
                + ",\"tree\":null}"), "POST /public-folders " + path);
    }

    static void permitRole(String path, String identifier, String role) {
        expect(200, AdminClient.asAdmin("PUT", "/public-folders/permissions?path=" + AdminClient.enc(path),
                "{\"identifier\":" + AdminClient.json(identifier) + ",\"role\":" + AdminClient.json(role) + "}"),
                "role " + role + " for " + identifier + " on " + path);
    }

    static void permitRights(String path, String identifier, String rights, String ownRights) {
        expect(200, AdminClient.asAdmin("PUT", "/public-folders/permissions?path=" + AdminClient.enc(path),
                "{\"identifier\":" + AdminClient.json(identifier) + ",\"rights\":" + AdminClient.json(rights)
                        + ",\"ownRights\":" + AdminClient.json(ownRights) + "}"),
                "rights " + rights + " for " + identifier + " on " + path);
    }

    /** The folder as GET /public-folders lists it. */
    static Map<String, Object> listed(String path) {
        AdminClient.Reply r = expect(200, AdminClient.asAdmin("GET", "/public-folders", null), "GET /public-folders");
        return Json.array(r.body()).stream().filter(f -> path.equals(f.get("path"))).findFirst()
                .orElseThrow(() -> new AssertionError(path + " not in " + r.body()));
    }

    /** The permission entry of an identifier in a listed folder. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> permission(Map<String, Object> folder, String identifier) {
        List<Map<String, Object>> ps = (List<Map<String, Object>>) folder.get("permissions");
        assertNotNull(ps, "permissions of " + folder);
        return ps.stream().filter(p -> identifier.equalsIgnoreCase(String.valueOf(p.get("identifier")))).findFirst()
                .orElseThrow(() -> new AssertionError(identifier + " not among " + ps));
    }

    /**
     * The issue's setup: the administrator creates the top folder and makes the owner its Owner (REST); the owner
     * creates Apollo below it over IMAP (the "k" right on the parent) and gives the reviewer "lrs" by SETACL; the
     * administrator gives the authors' group the Author role (REST: rights and own rights).
     */
    static Fixture fixture() throws Exception {
        User owner = user("pfowner");
        User author1 = user("pfauthora");
        User author2 = user("pfauthorb");
        User reviewer = user("pfreviewer");
        User outsider = user("pfoutsider");
        String group = AdminClient.newGroup("pfauthors", List.of(author1.address(), author2.address()));
        String projects = AdminClient.unique("Projects");
        String apollo = projects + "/Apollo";
        createFolder(projects);
        permitRole(projects, owner.address(), "Owner");
        try (ImapConn o = owner.imap()) {
            ImapConn.Response list = o.ok("LIST \"\" " + q(PF + projects));
            assertEquals(1, list.matching(selectable(PF + projects)).size(), list.toString());
            o.ok("CREATE " + q(PF + apollo));
            ImapConn.Response rights = o.ok("MYRIGHTS " + q(PF + apollo));
            assertEquals(1, rights.matching("\\* MYRIGHTS .* \"?lrswipkxtea\"?").size(),
                    "the Owner entry is inherited from the parent: " + rights);
            o.ok("SETACL " + q(PF + apollo) + " " + q(reviewer.address()) + " lrs");
        }
        permitRole(apollo, group, "Author");
        return new Fixture(owner, author1, author2, reviewer, outsider, group, projects, apollo);
    }

    /** A LIST line for a name that can be selected (no \Noselect). */
    static String selectable(String mailbox) {
        return "(?i)\\* LIST \\((?![^)]*\\\\(Noselect|NonExistent))[^)]*\\) \"/\" \"?" + Pattern.quote(mailbox)
                + "\"?";
    }

    /** A LIST line for a name shown only as the parent of what the user may see. */
    static String noselect(String mailbox) {
        return "(?i)\\* LIST \\((?=[^)]*\\\\(Noselect|NonExistent)( |\\)))[^)]*\\) \"/\" \"?" + Pattern.quote(mailbox)
                + "\"?";
    }

    static boolean has(Optional<String> flags, String flag) {
        return flags.orElseThrow(() -> new AssertionError("no such message")).contains(flag);
    }

    /**
     * Author: "lrsip" plus "wte" on its own items (RFC 4314 §4, ADR 0006). STORE on another author's item alone is
     * NOPERM; on a set with both, only the own item changes; EXPUNGE removes only the own \Deleted items.
     */
    @Test
    void authorsChangeAndExpungeOnlyTheirOwnItems() throws Exception {
        Fixture f = fixture();
        String apollo = PF + f.apollo();
        try (ImapConn a1 = f.author1().imap(); ImapConn a2 = f.author2().imap(); ImapConn o = f.owner().imap()) {
            long u1 = ImapConn.appendUid(a1.append(apollo, null, message("apollo plan", "by author 1")));
            long u2 = ImapConn.appendUid(a2.append(apollo, null, message("apollo budget", "by author 2")));
            ImapConn.Response sel = a1.ok("SELECT " + q(apollo));
            assertTrue(sel.tagged().startsWith("OK [READ-WRITE]"), sel.toString());
            a2.ok("SELECT " + q(apollo));

            assertTrue(a1.cmd("UID STORE " + u1 + " +FLAGS (\\Flagged)").ok(), "an author flags its own item");
            assertTrue(has(a1.flags(u1), "\\Flagged"));
            ImapConn.Response other = a1.cmd("UID STORE " + u2 + " +FLAGS (\\Flagged)");
            assertEquals("NOPERM", other.code(), "another author's item: " + other);
            ImapConn.Response delete = a1.cmd("UID STORE " + u2 + " +FLAGS (\\Deleted)");
            assertEquals("NOPERM", delete.code(), "\\Deleted on another author's item: " + delete);
            assertFalse(has(a1.flags(u2), "\\Flagged") || has(a1.flags(u2), "\\Deleted"), "u2 unchanged");

            // Both in one STORE: the own item changes, the other is left as it is (RFC 4314 §4: no NO for that).
            ImapConn.Response both = a1.cmd("UID STORE " + u1 + "," + u2 + " +FLAGS (\\Answered)");
            assertTrue(both.ok(), both.toString());
            assertTrue(has(a1.flags(u1), "\\Answered"));
            assertFalse(has(a1.flags(u2), "\\Answered"), "another author's item keeps its flags");

            // The other author, in the same group, the other way round.
            assertTrue(a2.cmd("UID STORE " + u2 + " +FLAGS (\\Draft)").ok(), "author 2 changes its own item");
            ImapConn.Response back = a2.cmd("UID STORE " + u1 + " -FLAGS (\\Flagged)");
            assertEquals("NOPERM", back.code(), back.toString());
            assertTrue(has(a2.flags(u1), "\\Flagged"), "author 1's flag stays");

            // The owner (Owner role) marks author 2's item deleted; author 1 may not expunge it.
            o.ok("SELECT " + q(apollo));
            o.ok("UID STORE " + u2 + " +FLAGS.SILENT (\\Deleted)");
            a1.ok("NOOP");
            ImapConn.Response uidExpunge = a1.cmd("UID EXPUNGE " + u2);
            assertTrue(uidExpunge.ok() || "NOPERM".equals(uidExpunge.code()), uidExpunge.toString());
            assertTrue(uidExpunge.matching("\\* \\d+ EXPUNGE").isEmpty(), "nothing expunged: " + uidExpunge);

            long u3 = ImapConn.appendUid(a1.append(apollo, null, message("apollo draft", "to remove")));
            a1.ok("NOOP");
            assertTrue(a1.cmd("UID STORE " + u3 + " +FLAGS.SILENT (\\Deleted)").ok(), "own item: \\Deleted");
            ImapConn.Response expunge = a1.cmd("EXPUNGE");
            assertTrue(expunge.ok(), expunge.toString());
            assertEquals(1, expunge.matching("\\* \\d+ EXPUNGE").size(), "only the own item: " + expunge);
            List<Long> left = a1.uidSearch("ALL");
            assertTrue(left.contains(u1) && left.contains(u2) && !left.contains(u3), left.toString());
            assertTrue(has(o.flags(u2), "\\Deleted"), "author 2's item is still there, still \\Deleted");
        }
    }

    /**
     * Reviewer ("lrs"): reads, cannot append (NOPERM), may change only \Seen (PERMANENTFLAGS says so; STORE drops
     * the rest, NOPERM when nothing is left). \Seen is per user in public folders, the other flags are shared.
     */
    @Test
    void reviewerReadsAndKeepsItsOwnSeen() throws Exception {
        Fixture f = fixture();
        String apollo = PF + f.apollo();
        try (ImapConn a1 = f.author1().imap(); ImapConn r = f.reviewer().imap()) {
            long u1 = ImapConn.appendUid(a1.append(apollo, null, message("apollo review", "please read")));
            a1.ok("SELECT " + q(apollo));
            assertTrue(a1.cmd("UID STORE " + u1 + " +FLAGS.SILENT (\\Flagged)").ok(), "the author flags its item");

            ImapConn.Response rights = r.ok("MYRIGHTS " + q(apollo));
            assertEquals(1, rights.matching("\\* MYRIGHTS .* \"?lrs\"?").size(), rights.toString());
            ImapConn.Response sel = r.ok("SELECT " + q(apollo));
            assertTrue(sel.tagged().startsWith("OK [READ-WRITE]"), "\\Seen may change: " + sel);
            assertEquals(1, sel.matching("\\* OK \\[PERMANENTFLAGS \\(\\\\Seen\\)].*").size(), sel.toString());

            ImapConn.Response append = r.append(apollo, null, message("reviewer note", "not allowed"));
            assertEquals("NOPERM", append.code(), append.toString());

            ImapConn.Response flag = r.cmd("UID STORE " + u1 + " +FLAGS (\\Draft)");
            assertEquals("NOPERM", flag.code(), flag.toString());
            ImapConn.Response seenAndDraft = r.cmd("UID STORE " + u1 + " +FLAGS (\\Seen \\Draft)");
            assertTrue(seenAndDraft.ok(), seenAndDraft.toString());
            assertTrue(has(r.flags(u1), "\\Seen"));
            assertFalse(has(r.flags(u1), "\\Draft"), "the flag the reviewer has no right for is dropped");
            assertTrue(has(r.flags(u1), "\\Flagged"), "the author's \\Flagged is shared");

            ImapConn.Response body = r.ok("UID FETCH " + u1 + " (BODY.PEEK[TEXT])");
            assertTrue(body.untagged().stream().anyMatch(l -> l.contains("please read")), body.toString());

            // Per-user \Seen: the author has not read it.
            a1.ok("NOOP");
            assertEquals(List.of(), a1.uidSearch("SEEN"), "the reviewer's \\Seen is not the author's");
            assertFalse(has(a1.flags(u1), "\\Seen"));
            assertEquals(List.of(u1), r.uidSearch("SEEN"));
            ImapConn.Response status = a1.ok("STATUS " + q(apollo) + " (UNSEEN)");
            assertEquals(1, status.matching("\\* STATUS .*\\(UNSEEN 1\\)").size(), status.toString());
        }
    }

    /**
     * LIST shows a public folder only with "l": the authors see Apollo (its parent, where they have no entry, as
     * \Noselect), the outsider sees neither and gets NONEXISTENT (RFC 5530 §3) for them.
     */
    @Test
    void outsidersDoNotSeeTheFolder() throws Exception {
        Fixture f = fixture();
        try (ImapConn a2 = f.author2().imap()) {
            ImapConn.Response list = a2.ok("LIST \"\" " + q(PF + f.projects() + "*"));
            assertEquals(1, list.matching(noselect(PF + f.projects())).size(), list.toString());
            assertEquals(1, list.matching(selectable(PF + f.apollo())).size(), list.toString());
            ImapConn.Response root = a2.ok("LIST \"\" \"Public Folders\"");
            assertEquals(1, root.matching(noselect("Public Folders")).size(), root.toString());
        }
        try (ImapConn x = f.outsider().imap()) {
            ImapConn.Response all = x.ok("LIST \"\" \"*\"");
            assertTrue(all.untagged().stream().noneMatch(l -> l.contains(f.projects())), all.toString());
            ImapConn.Response sel = x.cmd("SELECT " + q(PF + f.apollo()));
            assertEquals("NONEXISTENT", sel.code(), sel.toString());
            ImapConn.Response status = x.cmd("STATUS " + q(PF + f.projects()) + " (MESSAGES)");
            assertEquals("NONEXISTENT", status.code(), status.toString());
            ImapConn.Response append = x.append(PF + f.apollo(), null, message("intruder", "no"));
            assertTrue(Set.of("NONEXISTENT", "TRYCREATE").contains(append.code()),
                    "a folder the user may not see does not exist for it: " + append);
        }
    }

    /**
     * A new subfolder starts with its parent's entries (ADR 0006), own rights included: GETACL as the owner, and the
     * REST listing with the role names.
     */
    @Test
    void newSubfolderInheritsTheAclAndTheRestListingNamesTheRoles() throws Exception {
        Fixture f = fixture();
        String docs = f.apollo() + "/Docs";
        try (ImapConn o = f.owner().imap()) {
            o.ok("CREATE " + q(PF + docs));
            Map<String, String> parent = o.getAcl(PF + f.apollo());
            Map<String, String> child = o.getAcl(PF + docs);
            assertEquals(parent, child, "the subfolder's ACL is a copy of its parent's");
            assertEquals("lrswipkxtea", child.get(f.owner().address()), child.toString());
            assertEquals("lrsip", child.get(f.group()), "IMAP shows the standard rights only: " + child);
            assertEquals("lrs", child.get(f.reviewer().address()), child.toString());
        }
        // The group's author rights on its own items came along: author 1 flags its own item in Docs.
        try (ImapConn a1 = f.author1().imap()) {
            long u = ImapConn.appendUid(a1.append(PF + docs, null, message("docs", "own item")));
            a1.ok("SELECT " + q(PF + docs));
            assertTrue(a1.cmd("UID STORE " + u + " +FLAGS (\\Flagged)").ok(), "own rights inherited");
        }

        for (String path : List.of(f.apollo(), docs)) {
            Map<String, Object> folder = listed(path);
            Map<String, Object> group = permission(folder, f.group());
            assertEquals("Author", group.get("role"), folder.toString());
            assertEquals("lrsip", group.get("rights"), folder.toString());
            assertEquals("wte", group.get("ownRights"), folder.toString());
            assertEquals("Reviewer", permission(folder, f.reviewer().address()).get("role"),
                    "a SETACL of lrs is the Reviewer role: " + folder);
            assertEquals("Owner", permission(folder, f.owner().address()).get("role"), folder.toString());
        }
        Map<String, Object> top = listed(f.projects());
        assertEquals("Owner", permission(top, f.owner().address()).get("role"), top.toString());
    }

    /**
     * RFC 2177 IDLE and RFC 3501 §6.1.2 NOOP: the author's APPEND reaches the reviewer's and another author's
     * session (ADR 0006: change events are per folder, whoever owns it).
     */
    @Test
    void otherUsersSessionsSeeAnAppend() throws Exception {
        Fixture f = fixture();
        String apollo = PF + f.apollo();
        try (ImapConn a1 = f.author1().imap(); ImapConn a2 = f.author2().imap(); ImapConn r = f.reviewer().imap()) {
            r.ok("SELECT " + q(apollo));
            a2.ok("SELECT " + q(apollo));
            Optional<String> exists = r.idleUntil("\\* 1 EXISTS", Duration.ofSeconds(15),
                    () -> ImapConn.appendUid(a1.append(apollo, null, message("while idling", "news"))));
            assertTrue(exists.isPresent(), "the reviewer's IDLE session got no EXISTS for the author's APPEND");
            ImapConn.Response noop = a2.ok("NOOP");
            assertEquals(1, noop.matching("\\* 1 EXISTS").size(), noop.toString());
        }
    }

    /**
     * A mail-enabled folder (ADR 0006): with an address but no "p" for {@code anyone}, an outside sender gets
     * 550 5.7.1 at RCPT; once {@code anyone} has "p" (and nothing else: the folder stays invisible), the mail is filed
     * into the folder.
     */
    @Test
    void mailToTheFolderAddressIsFiledOnceAnyoneMayPost() throws Exception {
        Fixture f = fixture();
        String address = AdminClient.unique("apollo") + "@" + ItEnv.DOMAIN;
        expect(200, AdminClient.asAdmin("PUT", "/public-folders/address?path=" + AdminClient.enc(f.apollo()),
                "{\"address\":" + AdminClient.json(address) + ",\"displayName\":\"Apollo\"}"), "folder address");
        assertEquals(address, String.valueOf(listed(f.apollo()).get("address")).toLowerCase());

        String token = UUID.randomUUID().toString();
        String mail = "From: someone@example.org\r\nTo: " + address + "\r\nSubject: post " + token + "\r\n\r\nhello";
        List<String> refused = MailTools.smtpReplies("someone@example.org", address, mail);
        assertTrue(refused.get(1).matches("550[ -]5\\.7\\.1.*"), "RCPT without the p right: " + refused);

        permitRights(f.apollo(), "anyone", "p", "");
        List<String> accepted = MailTools.smtpReplies("someone@example.org", address, mail);
        assertTrue(accepted.get(1).startsWith("250"), accepted.toString());
        assertTrue(accepted.size() == 4 && accepted.get(3).startsWith("250"), accepted.toString());

        try (ImapConn r = f.reviewer().imap()) {
            r.ok("EXAMINE " + q(PF + f.apollo()));
            Instant deadline = Instant.now().plusSeconds(20);
            List<Long> found = List.of();
            while (found.isEmpty() && Instant.now().isBefore(deadline)) {
                found = r.uidSearch("SUBJECT " + ImapConn.quote(token));
                if (found.isEmpty()) {
                    Thread.sleep(200);
                }
            }
            assertEquals(1, found.size(), "the posted mail is filed into the folder");
        }
        try (ImapConn x = f.outsider().imap()) {
            ImapConn.Response all = x.ok("LIST \"\" \"*\"");
            assertTrue(all.untagged().stream().noneMatch(l -> l.contains(f.projects())),
                    "posting rights do not make the folder visible: " + all);
        }
    }

    /**
     * Quotas of a public folder (ADR 0006): crossing the warning level tells the owners (entries with "a") once; over
     * the prohibit level APPEND is NO [OVERQUOTA] (RFC 5530 §3) and a
     * post 552 5.2.2 (RFC 3463).
     */
    @Test
    void quotaLevelsWarnTheOwnersAndRefusePosts() throws Exception {
        Fixture f = fixture();
        String apollo = PF + f.apollo();
        String address = AdminClient.unique("apolloq") + "@" + ItEnv.DOMAIN;
        expect(200, AdminClient.asAdmin("PUT", "/public-folders/address?path=" + AdminClient.enc(f.apollo()),
                "{\"address\":" + AdminClient.json(address) + ",\"displayName\":\"Apollo quota\"}"), "address");
        permitRights(f.apollo(), "anyone", "p", "");
        expect(200, AdminClient.asAdmin("PUT", "/public-folders/quota?path=" + AdminClient.enc(f.apollo()),
                "{\"warnBytes\":1,\"prohibitBytes\":1000000}"), "quota");
        Map<String, Object> folder = listed(f.apollo());
        assertEquals(1L, ((Number) folder.get("quotaWarnBytes")).longValue(), folder.toString());
        assertEquals(1_000_000L, ((Number) folder.get("quotaProhibitBytes")).longValue(), folder.toString());

        try (ImapConn a1 = f.author1().imap()) {
            ImapConn.appendUid(a1.append(apollo, null, message("over the warning level", "x".repeat(200))));
            MailTools.awaitMessages(f.owner().address(), f.owner().password(), 1, Duration.ofSeconds(20));

            expect(200, AdminClient.asAdmin("PUT", "/public-folders/quota?path=" + AdminClient.enc(f.apollo()),
                    "{\"warnBytes\":1,\"prohibitBytes\":1}"), "quota");
            ImapConn.Response over = a1.append(apollo, null, message("over the prohibit level", "y"));
            assertEquals("OVERQUOTA", over.code(), over.toString());
        }
        String mail = "From: someone@example.org\r\nTo: " + address + "\r\nSubject: too much\r\n\r\nhello";
        List<String> replies = MailTools.smtpReplies("someone@example.org", address, mail);
        assertTrue(replies.get(1).startsWith("552") || replies.size() == 4 && replies.get(3).startsWith("552"),
                "a post over the prohibit level: " + replies);
        Map<String, Object> after = listed(f.apollo());
        assertEquals(1L, ((Number) after.get("messages")).longValue(), "nothing was filed: " + after);
    }

    /**
     * The admin API's refusals (JSON {@code {"code","message","field"}}): 401 without credentials, 403 for a
     * non-administrator, 409 for a folder that exists, 400 naming the field for an unknown role or a bad identifier;
     * removing an entry and the folder.
     */
    /**
     * Folder owners manage permissions, nobody else (issue #5, ADR 0006): the owner (the "a" right, not an
     * administrator) gives a role through the API and takes it away; a Reviewer and an Author may not.
     */
    @Test
    void ownersManagePermissionsThroughTheApiAndNobodyElse() throws Exception {
        Fixture f = fixture();
        String permissions = "/public-folders/permissions?path=" + AdminClient.enc(f.apollo());
        String body = "{\"identifier\":" + AdminClient.json(f.outsider().address()) + ",\"role\":\"Reviewer\"}";
        for (User notOwner : List.of(f.reviewer(), f.author1(), f.outsider())) {
            AdminClient.Reply refused = AdminClient.call("PUT", permissions, body, notOwner.address(),
                    notOwner.password());
            assertEquals(403, refused.status(), notOwner.address() + ": " + refused);
        }
        AdminClient.Reply byOwner = AdminClient.call("PUT", permissions, body, f.owner().address(),
                f.owner().password());
        assertEquals(200, byOwner.status(), byOwner.toString());
        assertEquals("Reviewer", permission(listed(f.apollo()), f.outsider().address()).get("role"));
        assertEquals(204, AdminClient.call("DELETE", permissions + "&identifier="
                + AdminClient.enc(f.outsider().address()), null, f.owner().address(), f.owner().password())
                .status());
        assertEquals(403, AdminClient.call("GET", "/public-folders", null, f.owner().address(),
                f.owner().password()).status(), "the tree listing stays an administrator's");
    }

    @Test
    void restApiRefusalsAndRemoval() throws Exception {
        User user = user("pfrest");
        String path = AdminClient.unique("Rest");
        assertEquals(401, AdminClient.call("GET", "/public-folders", null, null, null).status());
        AdminClient.Reply forbidden = AdminClient.call("GET", "/public-folders", null, user.address(),
                user.password());
        assertEquals(403, forbidden.status(), forbidden.toString());
        assertEquals(403, AdminClient.call("POST", "/public-folders", "{\"path\":" + AdminClient.json(path) + "}",
                user.address(), user.password()).status());
        assertEquals(403, AdminClient.call("GET", "/groups", null, user.address(), user.password()).status());

        createFolder(path);
        AdminClient.Reply dup = AdminClient.asAdmin("POST", "/public-folders", "{\"path\":" + AdminClient.json(path)
                + ",\"tree\":null}");
        assertEquals(409, dup.status(), dup.toString());

        String permissions = "/public-folders/permissions?path=" + AdminClient.enc(path);
        AdminClient.Reply role = AdminClient.asAdmin("PUT", permissions, "{\"identifier\":"
                + AdminClient.json(user.address()) + ",\"role\":\"Emperor\"}");
        assertEquals(400, role.status(), role.toString());
        assertEquals("role", Json.object(role.body()).get("field"), role.body());
        AdminClient.Reply identifier = AdminClient.asAdmin("PUT", permissions,
                "{\"identifier\":\"not an identifier!\",\"role\":\"Author\"}");
        assertEquals(400, identifier.status(), identifier.toString());
        assertEquals("identifier", Json.object(identifier.body()).get("field"), identifier.body());
        AdminClient.Reply asUser = AdminClient.call("PUT", permissions, "{\"identifier\":"
                + AdminClient.json(user.address()) + ",\"role\":\"Owner\"}", user.address(), user.password());
        assertEquals(403, asUser.status(), "a user cannot make itself owner: " + asUser);

        permitRole(path, user.address(), "Publishing Editor");
        assertEquals("Publishing Editor", permission(listed(path), user.address()).get("role"));
        assertEquals(204, AdminClient.asAdmin("DELETE", permissions + "&identifier="
                + AdminClient.enc(user.address()), null).status());
        Map<String, Object> folder = listed(path);
        assertTrue(String.valueOf(folder.get("permissions")).indexOf(user.address()) < 0, folder.toString());

        assertEquals(204, AdminClient.asAdmin("DELETE", "/public-folders?path=" + AdminClient.enc(path)
                + "&force=true", null).status());
        AdminClient.Reply all = expect(200, AdminClient.asAdmin("GET", "/public-folders", null), "list");
        assertTrue(Json.array(all.body()).stream().noneMatch(f -> path.equals(f.get("path"))), all.body());
    }
}
