package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Groups and domains in the admin API (issue #6): members added, shown and removed, nested groups named, a nesting
 * loop and the group itself refused (409, field {@code member}), an unknown address of a hosted domain refused, an
 * outside address kept as a contact; only administrators; a domain alias routes mail to the same local part of its
 * domain (RFC 5321 §2.3.5: a local domain for RCPT) and refuses unknown users with 550 5.1.1 (RFC 3463); a non-empty
 * domain is not removed (409 with what is left), an empty one is.
 */
class GroupAdminIT {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    private static String password() {
        return "Pw-" + java.util.UUID.randomUUID();
    }

    private static AdminClient.Reply expect(int status, AdminClient.Reply r, String what) {
        assertEquals(status, r.status(), what + ": " + r);
        return r;
    }

    private static void assertRefusal(int status, String field, AdminClient.Reply r) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.body().contains("\"field\":\"" + field + "\""), r.body());
    }

    private static AdminClient.Reply addMember(String group, String member) {
        return AdminClient.asAdmin("POST", "/groups/" + group + "/members",
                "{\"member\":" + AdminClient.json(member) + "}");
    }

    private static Map<String, Object> group(String address) {
        return Json.object(expect(200, AdminClient.asAdmin("GET", "/groups/" + address, null), "GET group").body());
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        assertTrue(v instanceof List, key + " is not a list in " + m);
        List<String> out = new ArrayList<>();
        for (Object o : (List<Object>) v) {
            out.add(String.valueOf(o));
        }
        return out;
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

    @Test
    void membersAreAddedShownAndRemovedAndTheGalSettingsChange() {
        String pw = password();
        String ann = AdminClient.newUser("grpann", pw);
        String bob = AdminClient.newUser("grpbob", pw);
        String team = AdminClient.newGroup("team", List.of(ann));
        String inner = AdminClient.newGroup("inner", List.of());

        Map<String, Object> shown = group(team);
        assertEquals(team, shown.get("address"), shown.toString());
        assertEquals(List.of(ann), list(shown, "members"));
        assertEquals(List.of(), list(shown, "nestedGroups"));
        assertEquals(Boolean.FALSE, shown.get("membersOnly"), shown.toString());

        AdminClient.Reply added = expect(201, addMember(team, bob), "add bob");
        assertTrue(list(Json.object(added.body()), "members").contains(bob), added.body());
        expect(201, addMember(team, inner), "add a nested group");
        String contact = "partner@" + AdminClient.unique("outside") + ".example";
        expect(201, addMember(team, contact), "an outside address is a contact");

        shown = group(team);
        assertTrue(list(shown, "members").containsAll(List.of(ann, bob, inner, contact)), shown.toString());
        assertEquals(List.of(inner), list(shown, "nestedGroups"));

        assertRefusal(409, "member", addMember(team, bob));
        assertRefusal(409, "member", addMember(team, team));
        assertRefusal(400, "member", addMember(team, "nobody-" + AdminClient.unique("x") + "@" + ItEnv.DOMAIN));
        assertRefusal(400, "member", addMember(team, "not an address"));

        expect(204, AdminClient.asAdmin("DELETE", "/groups/" + team + "/members/" + bob, null), "remove bob");
        assertFalse(list(group(team), "members").contains(bob));
        expect(404, AdminClient.asAdmin("DELETE", "/groups/" + team + "/members/" + bob, null), "bob again");

        AdminClient.Reply set = expect(200, AdminClient.asAdmin("PUT", "/groups/" + team,
                "{\"displayName\":\"The Team\",\"membersOnly\":true}"), "PUT group");
        assertEquals("The Team", Json.object(set.body()).get("displayName"), set.body());
        shown = group(team);
        assertEquals("The Team", shown.get("displayName"), shown.toString());
        assertEquals(Boolean.TRUE, shown.get("membersOnly"), shown.toString());
        expect(200, AdminClient.asAdmin("PUT", "/groups/" + team, "{\"membersOnly\":false}"), "PUT membersOnly");
        shown = group(team);
        assertEquals("The Team", shown.get("displayName"), "a missing field leaves the name: " + shown);
        assertEquals(Boolean.FALSE, shown.get("membersOnly"), shown.toString());

        String unknown = AdminClient.unique("nogroup") + "@" + ItEnv.DOMAIN;
        expect(404, AdminClient.asAdmin("GET", "/groups/" + unknown, null), "GET unknown group");
        expect(404, addMember(unknown, ann), "member of an unknown group");
        expect(404, AdminClient.asAdmin("DELETE", "/groups/" + unknown, null), "DELETE unknown group");

        // Removing a nested group takes it out of the group that contained it.
        expect(204, AdminClient.asAdmin("DELETE", "/groups/" + inner, null), "DELETE inner");
        expect(404, AdminClient.asAdmin("GET", "/groups/" + inner, null), "inner is gone");
        shown = group(team);
        assertFalse(list(shown, "members").contains(inner), shown.toString());
        assertEquals(List.of(), list(shown, "nestedGroups"));
    }

    @Test
    void aNestingLoopIsRefusedNamingTheMember() {
        String pw = password();
        String carl = AdminClient.newUser("grpcarl", pw);
        String low = AdminClient.newGroup("low", List.of(carl));
        String mid = AdminClient.newGroup("mid", List.of());
        String top = AdminClient.newGroup("top", List.of());
        expect(201, addMember(mid, low), "mid contains low");
        expect(201, addMember(top, mid), "top contains mid");

        AdminClient.Reply loop = addMember(low, top);
        assertRefusal(409, "member", loop);
        assertTrue(loop.body().contains(mid), "the message names the chain: " + loop.body());
        assertFalse(list(group(low), "members").contains(top));

        // A diamond is no loop: top may contain low directly as well.
        expect(201, addMember(top, low), "top contains low twice over");
    }

    @Test
    void aGroupNamedInAPublicFolderPermissionIsNotRemoved() {
        String group = AdminClient.newGroup("aclgroup", List.of());
        String path = AdminClient.unique("GroupAcl");
        PublicFoldersIT.createFolder(path);
        PublicFoldersIT.permitRole(path, group, "Reviewer");

        AdminClient.Reply refused = AdminClient.asAdmin("DELETE", "/groups/" + group, null);
        assertRefusal(409, "address", refused);
        assertTrue(refused.body().contains(path), "names the folder: " + refused.body());

        expect(204, AdminClient.asAdmin("DELETE", "/public-folders/permissions?path=" + AdminClient.enc(path)
                + "&identifier=" + AdminClient.enc(group), null), "unpermit");
        expect(204, AdminClient.asAdmin("DELETE", "/groups/" + group, null), "DELETE group");
    }

    @Test
    void onlyAdministratorsManageGroupsAndDomains() {
        String pw = password();
        String user = AdminClient.newUser("grpplain", pw);
        String team = AdminClient.newGroup("plain", List.of(user));
        assertEquals(401, AdminClient.call("GET", "/groups/" + team, null, null, null).status());
        assertEquals(403, AdminClient.call("GET", "/groups/" + team, null, user, pw).status());
        assertEquals(403, AdminClient.call("POST", "/groups/" + team + "/members",
                "{\"member\":" + AdminClient.json(user) + "}", user, pw).status());
        assertEquals(403, AdminClient.call("DELETE", "/groups/" + team + "/members/" + user, null, user, pw)
                .status());
        assertEquals(403, AdminClient.call("DELETE", "/groups/" + team, null, user, pw).status());
        assertEquals(403, AdminClient.call("POST", "/domains/" + ItEnv.DOMAIN + "/aliases",
                "{\"alias\":\"stolen.example\"}", user, pw).status());
        assertEquals(403, AdminClient.call("DELETE", "/domains/" + ItEnv.DOMAIN, null, user, pw).status());
        assertEquals(List.of(user), list(group(team), "members"), "nothing changed");
    }

    @Test
    void mailToADomainAliasReachesTheSameUserOfTheDomain() throws Exception {
        String domain = newDomain("home");
        String alias = AdminClient.unique("other") + ".example";
        String pw = password();
        String dana = newUser("dana@" + domain, pw);

        AdminClient.Reply added = expect(201, AdminClient.asAdmin("POST", "/domains/" + domain + "/aliases",
                "{\"alias\":" + AdminClient.json(alias.toUpperCase()) + "}"), "POST alias");
        assertEquals(List.of(alias), list(Json.object(added.body()), "aliases"));
        assertEquals(List.of(alias), list(Json.object(expect(200, AdminClient.asAdmin("GET", "/domains/" + domain,
                null), "GET domain").body()), "aliases"));
        assertRefusal(409, "alias", AdminClient.asAdmin("POST", "/domains/" + domain + "/aliases",
                "{\"alias\":" + AdminClient.json(alias) + "}"));
        assertRefusal(409, "alias", AdminClient.asAdmin("POST", "/domains/" + domain + "/aliases",
                "{\"alias\":" + AdminClient.json(ItEnv.DOMAIN) + "}"));
        assertRefusal(400, "alias", AdminClient.asAdmin("POST", "/domains/" + domain + "/aliases",
                "{\"alias\":\"not a domain\"}"));
        assertRefusal(409, "name", AdminClient.asAdmin("POST", "/domains",
                "{\"name\":" + AdminClient.json(alias) + "}"));

        String subject = "via alias " + AdminClient.unique("s");
        MailTools.sendRaw("sender@example.org", "dana@" + alias, "Subject: " + subject + "\r\n\r\nhello");
        MailTools.awaitMessages(dana, pw, 1, DELIVERY);
        try (var store = MailTools.imapStore(dana, pw)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                subjects.add(m.getSubject());
            }
            inbox.close(false);
            assertEquals(List.of(subject), subjects);
        }

        List<String> unknown = MailTools.smtpReplies("sender@example.org", "nobody@" + alias, "Subject: x\r\n\r\nx");
        assertTrue(unknown.get(1).startsWith("550 5.1.1"), "RCPT to an unknown user at the alias: " + unknown);

        AdminClient.Reply busy = AdminClient.asAdmin("DELETE", "/domains/" + domain, null);
        assertRefusal(409, "name", busy);
        assertTrue(busy.body().contains("1 user") && busy.body().contains("1 domain alias"), busy.body());

        expect(204, AdminClient.asAdmin("DELETE", "/domains/" + domain + "/aliases/" + alias, null), "DELETE alias");
        expect(404, AdminClient.asAdmin("DELETE", "/domains/" + domain + "/aliases/" + alias, null), "again");
        List<String> gone = MailTools.smtpReplies("sender@example.org", "dana@" + alias, "Subject: x\r\n\r\nx");
        assertTrue(gone.get(1).startsWith("550 5.7.1"), "no longer a local domain: " + gone);
    }

    @Test
    void onlyAnEmptyDomainIsRemoved() {
        String busy = newDomain("busy");
        String pw = password();
        newUser("erin@" + busy, pw);
        expect(201, AdminClient.asAdmin("POST", "/groups", "{\"address\":" + AdminClient.json("all@" + busy)
                + ",\"members\":[],\"membersOnly\":false}"), "POST group");
        AdminClient.Reply refused = AdminClient.asAdmin("DELETE", "/domains/" + busy, null);
        assertRefusal(409, "name", refused);
        assertTrue(refused.body().contains("1 user") && refused.body().contains("1 group"), refused.body());
        expect(200, AdminClient.asAdmin("GET", "/domains/" + busy, null), "still there");

        String empty = newDomain("empty");
        expect(204, AdminClient.asAdmin("DELETE", "/domains/" + empty, null), "DELETE empty domain");
        expect(404, AdminClient.asAdmin("GET", "/domains/" + empty, null), "gone");
        expect(404, AdminClient.asAdmin("DELETE", "/domains/" + empty, null), "again");
        List<String> none = assertDoesNotAccept("x@" + empty);
        assertTrue(none.get(1).startsWith("550 5.7.1"), "no longer a local domain: " + none);
    }

    private static List<String> assertDoesNotAccept(String to) {
        try {
            List<String> replies = MailTools.smtpReplies("sender@example.org", to, "Subject: x\r\n\r\nx");
            assertFalse(replies.get(1).startsWith("250"), replies.toString());
            return replies;
        } catch (java.io.IOException e) {
            throw new AssertionError("SMTP: " + e, e);
        }
    }
}
