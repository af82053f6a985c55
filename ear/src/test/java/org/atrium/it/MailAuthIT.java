package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SPF and DKIM (issue #4, ADR 0013) against the deployed server: mail from another server arrives with
 * {@code Received-SPF} and {@code Authentication-Results} on top and without a forged result claiming our name; the
 * administrator gets the DKIM record to publish and can rotate the key.
 */
class MailAuthIT {

    @Test
    void inboundMailCarriesTheResultsAndNoForgedOnes() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("spf", pw);
        String tag = UUID.randomUUID().toString();
        // Not knowing the server's host name here, the forgery names the usual one and the test reads ours below.
        String body = "Authentication-Results: mail.atrium.test; dkim=pass header.d=bank.example\r\n"
                + "Authentication-Results: localhost; dkim=pass header.d=bank.example\r\n"
                + "From: someone@example.org\r\nTo: " + user + "\r\nSubject: auth " + tag + "\r\n\r\nhello\r\n";
        MailTools.sendRaw("someone@example.org", user, body);
        MailTools.awaitMessages(user, pw, 1, Duration.ofSeconds(30));

        try (Store store = MailTools.imapStore(user, pw)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message m = inbox.getMessage(1);
            assertEquals("auth " + tag, m.getSubject());
            String[] spf = m.getHeader("Received-SPF");
            assertNotNull(spf, "Received-SPF present");
            assertEquals(1, spf.length);
            assertTrue(spf[0].matches("(?s)(none|neutral|pass|fail|softfail|temperror|permerror) \\(.*"), spf[0]);
            assertTrue(spf[0].contains("envelope-from=\"someone@example.org\""), spf[0]);
            String[] results = m.getHeader("Authentication-Results");
            assertNotNull(results, "Authentication-Results present");
            String ours = results[0];
            assertTrue(ours.contains("spf="), ours);
            assertTrue(ours.contains("smtp.mailfrom=someone@example.org"), ours);
            assertTrue(ours.contains("dkim=none"), "unsigned: " + ours);
            String host = ours.substring(0, ours.indexOf(';')).trim();
            for (int i = 1; i < results.length; i++) {
                String id = results[i].trim().split("[;\\s]", 2)[0];
                assertNotEquals(host.toLowerCase(), id.toLowerCase(), "a forged result claiming " + host + " stayed");
            }
            // Ours come first, below Return-Path and above our own Received (RFC 8601 §5, RFC 7208 §9.1).
            java.util.List<String> names = new java.util.ArrayList<>();
            for (java.util.Enumeration<jakarta.mail.Header> all = m.getAllHeaders(); all.hasMoreElements();) {
                names.add(all.nextElement().getName().toLowerCase());
            }
            int first = names.get(0).equals("return-path") ? 1 : 0;
            assertEquals(java.util.List.of("received-spf", "authentication-results", "received"),
                    names.subList(first, first + 3), names.toString());
            inbox.close(false);
        }
    }

    @Test
    void theDemoDomainHasADkimRecordToPublish() {
        AdminClient.Reply r = AdminClient.asAdmin("GET", "/domains/" + ItEnv.DOMAIN + "/dkim", null);
        assertEquals(200, r.status(), r.body());
        Map<String, Object> key = Json.object(r.body());
        String selector = (String) key.get("selector");
        assertTrue(selector.startsWith("atrium"), r.body());
        assertEquals(selector + "._domainkey." + ItEnv.DOMAIN, key.get("recordName"));
        assertTrue(((String) key.get("recordValue")).matches("v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]{300,}"), r.body());
        assertEquals(404, AdminClient.asAdmin("GET", "/domains/no-such-domain.test/dkim", null).status());
        // DomainResource still serves the domain itself beside the DKIM resource.
        assertEquals(200, AdminClient.asAdmin("GET", "/domains/" + ItEnv.DOMAIN, null).status());
    }

    /** On a domain of its own, so that mail signed for atrium.test by other tests keeps its key. */
    @Test
    void rotationGivesANewSelectorAndKeyAndIsAudited() {
        String domain = AdminClient.unique("dkim") + ".test";
        assertEquals(201, AdminClient.asAdmin("POST", "/domains", "{\"name\":" + AdminClient.json(domain) + "}")
                .status());
        String path = "/domains/" + domain + "/dkim";
        AdminClient.Reply first = AdminClient.asAdmin("GET", path, null);
        assertEquals(200, first.status(), first.body());
        assertEquals(first.body(), AdminClient.asAdmin("GET", path, null).body(), "the same key until rotated");
        Map<String, Object> key = Json.object(first.body());

        AdminClient.Reply rotated = AdminClient.asAdmin("POST", path + "/rotate", null);
        assertEquals(200, rotated.status(), rotated.body());
        Map<String, Object> fresh = Json.object(rotated.body());
        assertNotEquals(key.get("selector"), fresh.get("selector"));
        assertNotEquals(key.get("recordValue"), fresh.get("recordValue"));
        assertEquals(rotated.body(), AdminClient.asAdmin("GET", path, null).body(), "the new key is the active one");

        AdminClient.Reply audit = AdminClient.asAdmin("GET", "/audit?limit=200", null);
        assertEquals(200, audit.status(), audit.body());
        assertTrue(audit.body().contains(path + "/rotate"), "the rotation is in the audit log: " + audit.body());
    }
}
