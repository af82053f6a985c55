package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recipient routing (issue #4, ADR 0012) end to end: a distribution group accepted at RCPT and expanded at delivery,
 * nested groups and a nesting loop delivering one copy to each member; a members-only group refusing an outsider's
 * MAIL FROM with 550 5.7.1 and taking a member's; a domain's catch-all taking mail for unknown addresses and, once
 * turned off, 550 5.1.1 again (RFC 3463).
 */
class GroupDeliveryIT {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    private static String password() {
        return "Pw-" + java.util.UUID.randomUUID();
    }

    private static AdminClient.Reply expect(int status, AdminClient.Reply r, String what) {
        assertEquals(status, r.status(), what + ": " + r);
        return r;
    }

    /** POST /groups with these members, which need not exist yet when they are groups to be created next. */
    private static String group(String address, boolean membersOnly, String... members) {
        StringBuilder m = new StringBuilder();
        for (String member : members) {
            m.append(m.isEmpty() ? "" : ",").append(AdminClient.json(member));
        }
        expect(201, AdminClient.asAdmin("POST", "/groups", "{\"address\":" + AdminClient.json(address)
                + ",\"members\":[" + m + "],\"membersOnly\":" + membersOnly + "}"), "POST /groups " + address);
        return address;
    }

    private static String body(String subject) {
        return "From: it@example.org\r\nSubject: " + subject + "\r\n\r\nhello";
    }

    /** Waits for {@code n} messages, then a little longer to see that no further copy arrives. */
    private static void assertExactly(int n, String user, String pw) throws Exception {
        MailTools.awaitMessages(user, pw, n, DELIVERY);
        Thread.sleep(2000);
        assertEquals(n, MailTools.pop3Count(user, pw), "messages of " + user);
    }

    @Test
    void aLoopOfNestedGroupsDeliversOneCopyToEachMember() throws Exception {
        String pw = password();
        String ann = AdminClient.newUser("gdann", pw);
        String ben = AdminClient.newUser("gdben", pw);
        String g1 = AdminClient.unique("gdone") + "@" + ItEnv.DOMAIN;
        String g2 = AdminClient.unique("gdtwo") + "@" + ItEnv.DOMAIN;
        // g2 names g1 before g1 exists; adding g1 afterwards as a member would be refused (409) as a loop, creating
        // it with its members is not: older data can hold such loops, and delivery must cut them.
        group(g2, false, g1, ben);
        group(g1, false, ann, g2);

        List<String> replies = MailTools.smtpReplies("sender@example.org", g1, body("to g1"));
        assertTrue(replies.get(1).startsWith("250"), "RCPT to a group: " + replies);
        assertTrue(replies.get(replies.size() - 1).startsWith("250"), "end of data: " + replies);
        assertExactly(1, ann, pw);
        assertExactly(1, ben, pw);
    }

    @Test
    void aMembersOnlyGroupRefusesOutsiders() throws Exception {
        String pw = password();
        String member = AdminClient.newUser("gdmem", pw);
        String other = AdminClient.newUser("gdoth", pw);
        String board = group(AdminClient.unique("gdboard") + "@" + ItEnv.DOMAIN, true, member, other);

        List<String> outsider = MailTools.smtpReplies("outsider@example.org", board, body("from outside"));
        assertTrue(outsider.get(0).startsWith("250"), "MAIL: " + outsider);
        assertTrue(outsider.get(1).startsWith("550 5.7.1"), "RCPT from an outsider: " + outsider);
        assertEquals(2, outsider.size(), "no DATA after the refusal: " + outsider);

        List<String> fromMember = MailTools.smtpReplies(member, board, body("from a member"));
        assertTrue(fromMember.get(1).startsWith("250"), "RCPT from a member: " + fromMember);
        assertTrue(fromMember.get(fromMember.size() - 1).startsWith("250"), "end of data: " + fromMember);
        assertExactly(1, other, pw);
        assertExactly(1, member, pw);
    }

    @Test
    void aCatchAllTakesMailForUnknownAddressesUntilTurnedOff() throws Exception {
        String domain = AdminClient.unique("gdcatch") + ".example";
        expect(201, AdminClient.asAdmin("POST", "/domains", "{\"name\":" + AdminClient.json(domain) + "}"),
                "POST /domains");
        String pw = password();
        String target = "inbox@" + domain;
        expect(201, AdminClient.asAdmin("POST", "/users", "{\"address\":" + AdminClient.json(target)
                + ",\"password\":" + AdminClient.json(pw) + "}"), "POST /users");

        List<String> before = MailTools.smtpReplies("sender@example.org", "unknown@" + domain, body("before"));
        assertTrue(before.get(1).startsWith("550 5.1.1"), "no catch-all by default: " + before);

        AdminClient.Reply bad = AdminClient.asAdmin("PUT", "/domains/" + domain + "/catch-all",
                "{\"address\":" + AdminClient.json("nobody@" + domain) + "}");
        assertEquals(400, bad.status(), "an unknown address of the domain itself: " + bad);
        assertTrue(bad.body().contains("\"field\":\"address\""), bad.body());

        expect(200, AdminClient.asAdmin("PUT", "/domains/" + domain + "/catch-all",
                "{\"address\":" + AdminClient.json(target) + "}"), "PUT catch-all");
        Map<String, Object> shown = Json.object(expect(200, AdminClient.asAdmin("GET", "/domains/" + domain, null),
                "GET domain").body());
        assertEquals(target, shown.get("catchAll"), shown.toString());

        List<String> caught = MailTools.smtpReplies("sender@example.org", "Unknown@" + domain, body("caught"));
        assertTrue(caught.get(1).startsWith("250"), "RCPT with a catch-all: " + caught);
        assertTrue(caught.get(caught.size() - 1).startsWith("250"), "end of data: " + caught);
        assertExactly(1, target, pw);

        expect(200, AdminClient.asAdmin("DELETE", "/domains/" + domain + "/catch-all", null), "DELETE catch-all");
        List<String> after = MailTools.smtpReplies("sender@example.org", "unknown@" + domain, body("after"));
        assertTrue(after.get(1).startsWith("550 5.1.1"), "catch-all off: " + after);
    }
}
