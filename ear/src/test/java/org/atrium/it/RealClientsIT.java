package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Debian's and Python's clients against the deployed server: python3 smtplib/poplib, swaks, ldapsearch. */
class RealClientsIT {

    @Test
    void pythonSmtplibAndPoplibFullSession() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String u1 = AdminClient.newUser("py", pw);
        String u2 = AdminClient.newUser("py", pw);
        Path script = Path.of(getClass().getResource("/python/smtp_pop3_flow.py").toURI());
        Processes.Result r = Processes.run(List.of("python3", script.toString(), ItEnv.HOST,
                Integer.toString(ItEnv.smtp()), Integer.toString(ItEnv.pop3()), u1, pw, u2, pw), Map.of(), null, 120);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("python smtplib/poplib flow ok"), r.output());
    }

    @Test
    void swaksDeliversLocallyAndIsRefusedAsARelay() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("swaks", pw);
        Processes.Result ok = Processes.run(List.of("swaks", "--server", ItEnv.HOST, "--port",
                Integer.toString(ItEnv.smtp()), "--from", "swaks@example.org", "--to", user, "--helo",
                "swaks.example.org", "--header", "Subject: swaks test"), Map.of(), null, 60);
        assertEquals(0, ok.exit(), ok.output());
        assertTrue(ok.output().matches("(?s).*<- +250 2\\.0\\.0 Ok: queued as [0-9A-Z]+.*"), ok.output());
        MailTools.awaitMessages(user, pw, 1, java.time.Duration.ofSeconds(20));

        Processes.Result relay = Processes.run(List.of("swaks", "--server", ItEnv.HOST, "--port",
                Integer.toString(ItEnv.smtp()), "--from", "spam@example.org", "--to", "victim@elsewhere.example",
                "--helo", "spam.example.org"), Map.of(), null, 60);
        assertNotEquals(0, relay.exit(), relay.output());
        assertTrue(relay.output().contains("550 5.7.1"), relay.output());
    }

    @Test
    void ldapsearchFindsTheDemoUsersInTheGal() throws Exception {
        String url = "ldap://" + ItEnv.HOST + ":" + ItEnv.ldap();
        Processes.Result r = Processes.run(List.of("ldapsearch", "-x", "-LLL", "-H", url, "-D", "alice@" + ItEnv.DOMAIN,
                "-y", "/dev/stdin", "-b", "o=atrium", "(|(cn=bob*)(mail=bob*)(sn=bob*)(givenName=bob*))", "mail",
                "displayName", "departmentNumber"), Map.of(), ItEnv.demoPassword(), 60);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("mail: bob@" + ItEnv.DOMAIN), r.output());
        assertTrue(r.output().contains("displayName: Bob Baker"), r.output());

        Processes.Result anon = Processes.run(List.of("ldapsearch", "-x", "-LLL", "-H", url, "-b", "o=atrium",
                "(mail=*)", "mail"), Map.of(), null, 60);
        assertTrue(!anon.output().contains("mail: bob@"), "anonymous GAL reads are off by default: " + anon.output());

        Processes.Result wrong = Processes.run(List.of("ldapsearch", "-x", "-H", url, "-D", "alice@" + ItEnv.DOMAIN,
                "-w", "wrong-password", "-b", "o=atrium", "(mail=*)"), Map.of(), null, 60);
        assertEquals(49, wrong.exit(), "invalid credentials: " + wrong.output());
    }

    @Test
    void addressBookSearchesAsAMailClientMakesThem() throws LDAPException {
        try (LDAPConnection c = new LDAPConnection(ItEnv.HOST, ItEnv.ldap(), "bob@" + ItEnv.DOMAIN, ItEnv.demoPassword())) {
            SearchResult byPrefix = c.search("o=atrium", SearchScope.SUB,
                    Filter.create("(|(cn=ali*)(mail=ali*)(sn=ali*)(givenName=ali*))"), "mail");
            assertEquals(1, byPrefix.getEntryCount());
            assertEquals("alice@" + ItEnv.DOMAIN, byPrefix.getSearchEntries().get(0).getAttributeValue("mail"));
            SearchResult byDepartment = c.search("o=atrium", SearchScope.SUB, Filter.create("(departmentNumber=Sales)"),
                    "mail");
            assertTrue(byDepartment.getSearchEntries().stream()
                    .anyMatch(e -> ("alice@" + ItEnv.DOMAIN).equals(e.getAttributeValue("mail"))));
            LDAPException refused = org.junit.jupiter.api.Assertions.assertThrows(LDAPException.class,
                    () -> c.delete(byPrefix.getSearchEntries().get(0).getDN()));
            assertEquals(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, refused.getResultCode());
        }
    }

    @Test
    void aUserCreatedThroughTheApiAppearsInTheGal() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("galnew", pw);
        // The GAL follows the database after commit, asynchronously: allow it a few seconds.
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        while (true) {
            try (LDAPConnection c = new LDAPConnection(ItEnv.HOST, ItEnv.ldap(), user, pw)) {
                SearchResult r = c.search("o=atrium", SearchScope.SUB, Filter.createEqualityFilter("mail", user), "mail");
                assertEquals(1, r.getEntryCount(), "the new user can bind and finds itself");
                return;
            } catch (LDAPException e) {
                if (java.time.Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
