package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.atrium.connector.smtp.client.RemoteMta;
import org.junit.jupiter.api.Test;

/**
 * Contacts and resources (issue #6, ADR 0017) through the admin API, the GAL (LDAP), SMTP and IMAP: a contact and a
 * room appear in the GAL with their attributes for an authenticated user; mail to the room lands in its INBOX and a
 * delegate reads it; the room never logs in; a group relays to its contact member; duplicates are 409.
 */
class ContactsResourcesIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void contactAndRoomInTheGalMailToTheRoomAndNoLogin() throws Exception {
        String contact = AdminClient.unique("ext") + "@partner.example";
        String room = AdminClient.unique("room") + "@" + ItEnv.DOMAIN;

        AdminClient.Reply c = AdminClient.asAdmin("POST", "/contacts", "{\"address\":" + AdminClient.json(contact)
                + ",\"domain\":" + AdminClient.json(ItEnv.DOMAIN) + ",\"displayName\":\"Ann Partner\","
                + "\"givenName\":\"Ann\",\"surname\":\"Partner\",\"company\":\"Partner Ltd\","
                + "\"phone\":\"+44 20 7946 0000\",\"mobile\":\"+44 7700 900000\",\"title\":\"Buyer\"}");
        assertEquals(201, c.status(), c.toString());
        AdminClient.Reply r = AdminClient.asAdmin("POST", "/resources", "{\"address\":" + AdminClient.json(room)
                + ",\"displayName\":\"Boardroom\",\"type\":\"room\",\"capacity\":12,\"location\":\"Floor 2\"}");
        assertEquals(201, r.status(), r.toString());
        assertEquals("ROOM", Json.object(r.body()).get("type"));

        // duplicates and collisions with local addresses: 409 naming the field
        assertConflict(AdminClient.asAdmin("POST", "/contacts", "{\"address\":" + AdminClient.json(contact)
                + ",\"domain\":" + AdminClient.json(ItEnv.DOMAIN) + "}"));
        assertConflict(AdminClient.asAdmin("POST", "/resources", "{\"address\":" + AdminClient.json(room)
                + ",\"type\":\"equipment\"}"));
        assertConflict(AdminClient.asAdmin("POST", "/resources", "{\"address\":" + AdminClient.json(
                "bob@" + ItEnv.DOMAIN) + ",\"type\":\"room\"}"));
        AdminClient.Reply local = AdminClient.asAdmin("POST", "/contacts", "{\"address\":" + AdminClient.json(
                AdminClient.unique("c") + "@" + ItEnv.DOMAIN) + "}");
        assertEquals(400, local.status(), "a contact in a hosted domain: " + local);
        assertTrue(local.body().contains("\"address\""), local.body());
        AdminClient.Reply badType = AdminClient.asAdmin("POST", "/resources", "{\"address\":" + AdminClient.json(
                AdminClient.unique("r") + "@" + ItEnv.DOMAIN) + ",\"type\":\"car\"}");
        assertEquals(400, badType.status(), badType.toString());
        assertTrue(badType.body().contains("\"type\""), badType.body());

        // the GAL, as a mail client's address book (authenticated user)
        SearchResultEntry ann = awaitGal(contact);
        assertTrue(Set.of(ann.getObjectClassValues()).contains("atriumMailContact"), ann.toLDIFString());
        assertEquals("Partner Ltd", ann.getAttributeValue("o"));
        assertEquals("+44 7700 900000", ann.getAttributeValue("mobile"));
        assertEquals("Ann Partner", ann.getAttributeValue("displayName"));
        SearchResultEntry board = awaitGal(room);
        assertTrue(Set.of(board.getObjectClassValues()).contains("atriumResource"), board.toLDIFString());
        assertEquals("room", board.getAttributeValue("atriumResourceType"));
        assertEquals("12", board.getAttributeValue("atriumResourceCapacity"));
        assertEquals("Floor 2", board.getAttributeValue("l"));

        // ldapsearch (Debian ldap-utils) finds both too
        Processes.Result ls = Processes.run(List.of("ldapsearch", "-x", "-LLL", "-H", "ldap://" + ItEnv.HOST + ":"
                + ItEnv.ldap(), "-D", "alice@" + ItEnv.DOMAIN, "-y", "/dev/stdin", "-b", "o=atrium",
                "(|(mail=" + contact + ")(mail=" + room + "))", "mail", "o", "atriumResourceType"), Map.of(),
                ItEnv.demoPassword(), 60);
        assertEquals(0, ls.exit(), ls.output());
        assertTrue(ls.output().contains("mail: " + contact) && ls.output().contains("o: Partner Ltd"), ls.output());
        assertTrue(ls.output().contains("mail: " + room) && ls.output().contains("atriumResourceType: room"),
                ls.output());

        // mail to the room: accepted at RCPT, lands in its INBOX
        List<String> replies = MailTools.smtpReplies("organiser@example.org", room,
                "Subject: booking " + UUID.randomUUID() + "\r\n\r\nMeeting at ten.\r\n");
        assertTrue(replies.get(1).startsWith("250"), "RCPT to the room: " + replies);
        assertTrue(replies.get(replies.size() - 1).startsWith("250"), replies.toString());
        awaitRoomMessages(room, 1);

        // a delegate reads it through a mailbox grant (ADR 0006)
        String pw = "Pw-" + UUID.randomUUID();
        String delegate = AdminClient.newUser("roomdelegate", pw);
        AdminClient.Reply g = AdminClient.asAdmin("PUT", "/users/" + room + "/grants/" + delegate,
                "{\"access\":\"READ\",\"sendAs\":false,\"sendOnBehalf\":false}");
        assertTrue(g.status() / 100 == 2, g.toString());
        try (ImapConn d = ImapConn.login(delegate, pw)) {
            ImapConn.Response sel = d.ok("EXAMINE " + ImapConn.quote("Other Users/" + room + "/INBOX"));
            assertTrue(sel.untagged().contains("* 1 EXISTS"), sel.toString());
        }

        // the room never logs in, and is no user
        assertThrows(IOException.class, () -> ImapConn.login(room, "any-password").close());
        assertEquals(404, AdminClient.asAdmin("GET", "/users/" + room, null).status());
        assertTrue(!AdminClient.asAdmin("GET", "/users?domain=" + ItEnv.DOMAIN, null).body().contains(room));

        // listing by type; delete refused while it holds mail
        assertTrue(AdminClient.asAdmin("GET", "/resources?type=room", null).body().contains(room));
        assertTrue(!AdminClient.asAdmin("GET", "/resources?type=equipment", null).body().contains(room));
        assertConflict(AdminClient.asAdmin("DELETE", "/resources/" + room, null));

        // contacts: update, delete, and gone from the GAL
        AdminClient.Reply upd = AdminClient.asAdmin("PUT", "/contacts/" + contact, "{\"company\":\"\"}");
        assertEquals(200, upd.status(), upd.toString());
        assertEquals(null, Json.object(upd.body()).get("company"));
        assertEquals(204, AdminClient.asAdmin("DELETE", "/contacts/" + contact, null).status());
        assertEquals(404, AdminClient.asAdmin("GET", "/contacts/" + contact, null).status());
        awaitGone(contact);
    }

    @Test
    void emptyEquipmentIsDeleted() {
        String beamer = AdminClient.unique("beamer") + "@" + ItEnv.DOMAIN;
        assertEquals(201, AdminClient.asAdmin("POST", "/resources", "{\"address\":" + AdminClient.json(beamer)
                + ",\"type\":\"Equipment\"}").status());
        assertEquals(204, AdminClient.asAdmin("DELETE", "/resources/" + beamer, null).status());
        assertEquals(404, AdminClient.asAdmin("GET", "/resources/" + beamer, null).status());
    }

    /** A group with the contact as member relays to it (every remote domain goes to the loopback MTA). */
    @Test
    void groupRelaysToItsContactMember() throws Exception {
        String contact = AdminClient.unique("ext") + "@partner.example";
        assertEquals(201, AdminClient.asAdmin("POST", "/contacts", "{\"address\":" + AdminClient.json(contact)
                + ",\"domain\":" + AdminClient.json(ItEnv.DOMAIN) + ",\"displayName\":\"Relay Contact\"}").status());
        String group = AdminClient.newGroup("withcontact", List.of(contact));
        try (RemoteMta remote = RemoteMta.start(ItEnv.port("relay"))) {
            List<String> replies = MailTools.smtpReplies("someone@example.org", group,
                    "Subject: to the group\r\n\r\nhello\r\n");
            assertTrue(replies.get(replies.size() - 1).startsWith("250"), replies.toString());
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (remote.transactions().stream().noneMatch(t -> t.acceptedRcpts().contains(contact))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("nothing relayed to " + contact + ": " + remote.transactions());
                }
                Thread.sleep(200);
            }
        }
    }

    private static void assertConflict(AdminClient.Reply reply) {
        assertEquals(409, reply.status(), reply.toString());
        assertTrue(reply.body().contains("\"address\""), reply.body());
    }

    /** The GAL follows the database after commit, asynchronously. */
    private static SearchResultEntry awaitGal(String mail) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        try (LDAPConnection c = new LDAPConnection(ItEnv.HOST, ItEnv.ldap(), "bob@" + ItEnv.DOMAIN,
                ItEnv.demoPassword())) {
            while (true) {
                SearchResultEntry e = c.searchForEntry("o=atrium", SearchScope.SUB,
                        Filter.createEqualityFilter("mail", mail), "*");
                if (e != null) {
                    return e;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(mail + " not in the GAL");
                }
                Thread.sleep(200);
            }
        }
    }

    private static void awaitGone(String mail) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        try (LDAPConnection c = new LDAPConnection(ItEnv.HOST, ItEnv.ldap(), "bob@" + ItEnv.DOMAIN,
                ItEnv.demoPassword())) {
            while (c.searchForEntry("o=atrium", SearchScope.SUB, Filter.createEqualityFilter("mail", mail)) != null) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(mail + " still in the GAL");
                }
                Thread.sleep(200);
            }
        }
    }

    /** Delivery after acceptance is asynchronous: poll the resource's message count. */
    private static void awaitRoomMessages(String room, long n) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            AdminClient.Reply r = AdminClient.asAdmin("GET", "/resources/" + room, null);
            assertEquals(200, r.status(), r.toString());
            Object messages = Json.object(r.body()).get("messages");
            assertNotNull(messages, r.body());
            if (((Number) messages).longValue() >= n) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no mail in " + room + ": " + r.body());
            }
            Thread.sleep(200);
        }
    }
}
