package org.atrium.store.infrastructure.directory.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldif.LDIFReader;

class EmbeddedGalServerTest {

    private static final String ADMIN_DN = "uid=admin,ou=system";
    private static final String ADMIN_PW = "gal-admin-Pw1";
    private static final String BASE = "o=atrium";

    @TempDir
    Path data;

    private final EmbeddedGalServer server = new EmbeddedGalServer();
    /** The "database": mail -> password. */
    private final Map<String, String> passwords = new ConcurrentHashMap<>(Map.of(
            "alice@atrium.test", "alice-pw", "bob@atrium.test", "bob-pw", "hidden@atrium.test", "hidden-pw"));
    private final BindVerifier verifier = (mail, pw) -> new String(pw).equals(passwords.get(mail));

    @AfterEach
    void stop() {
        server.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private EmbeddedGalServer.Config config(boolean anonymous) throws IOException {
        return EmbeddedGalServer.Config.of(data, ADMIN_PW, verifier).withPort(freePort())
                .withAllowAnonymousRead(anonymous);
    }

    private LDAPConnection connect() throws LDAPException {
        return new LDAPConnection("127.0.0.1", server.port());
    }

    private LDAPConnection bind(String name, String password) throws LDAPException {
        LDAPConnection c = connect();
        c.bind(name, password);
        return c;
    }

    private static List<GalEntry> directory() {
        GalEntry alice = GalEntry.user("atrium.test", "alice", "alice@atrium.test", "Alice", "Liddell")
                .withAliases(List.of("a.liddell@atrium.test"))
                .withOrganization("Sales", "Account Manager", "+1 555 0100", "Room 101", "bob@atrium.test");
        GalEntry bob = GalEntry.user("atrium.test", "bob", "bob@atrium.test", "Bob", "Builder")
                .withOrganization("Engineering", "Engineer", null, null, null);
        GalEntry alina = GalEntry.user("atrium.test", "alina", "alina@atrium.test", "Alina", "Zed")
                .withOrganization("Sales", null, null, null, null);
        GalEntry hidden = GalEntry.user("atrium.test", "hidden", "hidden@atrium.test", "Alison", "Hidden")
                .withHidden(true);
        GalEntry sales = GalEntry.group("atrium.test", "sales", "sales@atrium.test", "Sales team",
                List.of("alice@atrium.test", "alina@atrium.test", "partner@elsewhere.example"));
        GalEntry empty = GalEntry.group("atrium.test", "empty", "empty@atrium.test", "Empty list", List.of());
        GalEntry contact = new GalEntry(GalEntry.Kind.CONTACT, "atrium.test", "ali-ext", "ali@partner.example",
                null, "Ali External", "Ali", "External", null, null, null, null, null, null, false);
        GalEntry room = new GalEntry(GalEntry.Kind.RESOURCE, "atrium.test", "boardroom", "boardroom@atrium.test",
                null, "Boardroom", null, null, null, null, null, "Floor 2", null, null, false);
        GalEntry folder = new GalEntry(GalEntry.Kind.PUBLIC_FOLDER, "other.test", "support",
                "support@other.test", null, "Support", null, null, null, null, null, null, null, null, false);
        return List.of(alice, bob, alina, hidden, sales, empty, contact, room, folder);
    }

    private static Set<String> mails(SearchResult result) {
        Set<String> mails = new TreeSet<>();
        for (SearchResultEntry e : result.getSearchEntries()) {
            mails.add(e.getAttributeValue("mail"));
        }
        return mails;
    }

    @Test
    void addressBookSearches() throws Exception {
        server.start(config(false));
        server.replaceAll(directory());
        try (LDAPConnection c = bind("uid=bob,ou=people,ou=atrium.test," + BASE, "bob-pw")) {
            assertEquals(Set.of("alice@atrium.test", "alina@atrium.test", "ali@partner.example"),
                    mails(c.search(BASE, SearchScope.SUB, "(|(cn=ali*)(mail=ali*)(sn=ali*)(givenName=ali*))")),
                    "prefix search; the hidden Alison is not listed");
            SearchResult bob = c.search(BASE, SearchScope.SUB, "(mail=bob@atrium.test)");
            assertEquals(1, bob.getEntryCount());
            SearchResultEntry b = bob.getSearchEntries().get(0);
            assertEquals("Bob Builder", b.getAttributeValue("displayName"));
            assertEquals("Engineering", b.getAttributeValue("departmentNumber"));
            assertEquals(Set.of("alice@atrium.test", "alina@atrium.test"),
                    mails(c.search(BASE, SearchScope.SUB, "(departmentNumber=Sales)")));
            assertEquals(Set.of("alice@atrium.test"),
                    mails(c.search(BASE, SearchScope.SUB, "(atriumMailAlias=a.liddell@atrium.test)")));
            SearchResultEntry alice = c.searchForEntry(BASE, SearchScope.SUB, "(mail=alice@atrium.test)",
                    "manager", "title", "telephoneNumber", "physicalDeliveryOfficeName", "objectClass");
            assertEquals("uid=bob,ou=people,ou=atrium.test,o=atrium", alice.getAttributeValue("manager"));
            assertEquals("Account Manager", alice.getAttributeValue("title"));
            assertEquals("Room 101", alice.getAttributeValue("physicalDeliveryOfficeName"));
            assertTrue(alice.hasObjectClass("atriumMailUser") && alice.hasObjectClass("inetOrgPerson"));

            SearchResult groups = c.search(BASE, SearchScope.SUB, "(&(objectClass=atriumMailGroup)(atriumMemberMail=*))",
                    "mail", "atriumMemberMail", "member");
            assertEquals(Set.of("sales@atrium.test"), mails(groups));
            SearchResultEntry sales = groups.getSearchEntries().get(0);
            assertEquals(3, sales.getAttributeValues("atriumMemberMail").length);
            assertEquals(Set.of("uid=alice,ou=people,ou=atrium.test,o=atrium",
                    "uid=alina,ou=people,ou=atrium.test,o=atrium"), Set.of(sales.getAttributeValues("member")));
            assertEquals(Set.of("sales@atrium.test", "empty@atrium.test"),
                    mails(c.search(BASE, SearchScope.SUB, "(objectClass=atriumMailGroup)")));
            assertEquals(Set.of("boardroom@atrium.test"),
                    mails(c.search(BASE, SearchScope.SUB, "(objectClass=atriumResource)")));
            assertEquals(Set.of("support@other.test"),
                    mails(c.search(BASE, SearchScope.SUB, "(objectClass=atriumPublicFolder)")));
            // hidden entries stay hidden whatever the client asks for
            assertEquals(0, c.search(BASE, SearchScope.SUB, "(mail=hidden@atrium.test)", "cn").getEntryCount());
            // ou=system is not part of the GAL
            LDAPException e = assertThrows(LDAPException.class,
                    () -> c.search("ou=system", SearchScope.SUB, "(objectClass=*)"));
            assertEquals(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, e.getResultCode());
        }
        try (LDAPConnection admin = bind(ADMIN_DN, ADMIN_PW)) {
            assertEquals(1, admin.search(BASE, SearchScope.SUB, "(mail=hidden@atrium.test)").getEntryCount(),
                    "the admin sees hidden entries");
        }
    }

    @Test
    void bindGoesToTheVerifier() throws Exception {
        server.start(config(false));
        server.replaceAll(directory());
        bind("uid=alice,ou=people,ou=atrium.test," + BASE, "alice-pw").close();
        bind("alice@atrium.test", "alice-pw").close();
        bind("a.liddell@atrium.test", "alice-pw").close();
        bind("hidden@atrium.test", "hidden-pw").close();
        for (String[] wrong : new String[][] {
                {"uid=alice,ou=people,ou=atrium.test," + BASE, "bob-pw"},
                {"alice@atrium.test", "wrong"},
                {"nobody@atrium.test", "alice-pw"},
                {"uid=nobody,ou=people,ou=atrium.test," + BASE, "x"},
                {ADMIN_DN, "secret"}}) {
            LDAPException e = assertThrows(LDAPException.class, () -> bind(wrong[0], wrong[1]), wrong[0]);
            assertEquals(ResultCode.INVALID_CREDENTIALS, e.getResultCode(), wrong[0]);
        }
        // the database is the truth: a changed password applies at once
        passwords.put("alice@atrium.test", "new-pw");
        assertThrows(LDAPException.class, () -> bind("alice@atrium.test", "alice-pw"));
        bind("alice@atrium.test", "new-pw").close();
        // no password is stored in the directory
        try (LDAPConnection admin = bind(ADMIN_DN, ADMIN_PW)) {
            assertEquals(0, admin.search(BASE, SearchScope.SUB, "(userPassword=*)").getEntryCount());
        }
    }

    @Test
    void anonymousSearchRefusedByDefault() throws Exception {
        server.start(config(false));
        server.replaceAll(directory());
        try (LDAPConnection c = connect()) {
            assertThrows(LDAPException.class, () -> c.search(BASE, SearchScope.SUB, "(mail=bob@atrium.test)"));
            // the rootDSE stays readable
            assertTrue(c.getRootDSE() != null);
        }
    }

    @Test
    void anonymousReadWhenAllowedButNeverWrite() throws Exception {
        server.start(config(true));
        server.replaceAll(directory());
        try (LDAPConnection c = connect()) {
            assertEquals(Set.of("bob@atrium.test"), mails(c.search(BASE, SearchScope.SUB, "(mail=bob@atrium.test)")));
            assertThrows(LDAPException.class,
                    () -> c.search("ou=system", SearchScope.SUB, "(objectClass=*)"));
            LDAPException e = assertThrows(LDAPException.class, () -> c.modify(
                    "uid=bob,ou=people,ou=atrium.test," + BASE,
                    new Modification(ModificationType.REPLACE, "title", "Boss")));
            assertTrue(e.getResultCode() == ResultCode.INSUFFICIENT_ACCESS_RIGHTS
                    || e.getResultCode() == ResultCode.UNWILLING_TO_PERFORM, e.getResultCode().toString());
        }
    }

    @Test
    void usersCannotWrite() throws Exception {
        server.start(config(false));
        server.replaceAll(directory());
        String bobDn = "uid=bob,ou=people,ou=atrium.test," + BASE;
        try (LDAPConnection c = bind("bob@atrium.test", "bob-pw")) {
            for (ThrowingOp op : List.<ThrowingOp>of(
                    () -> c.modify(bobDn, new Modification(ModificationType.REPLACE, "title", "Boss")),
                    () -> c.delete("uid=alice,ou=people,ou=atrium.test," + BASE),
                    () -> c.add("uid=mallory,ou=people,ou=atrium.test," + BASE, List.of(
                            new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "person",
                                    "organizationalPerson", "inetOrgPerson"),
                            new com.unboundid.ldap.sdk.Attribute("cn", "Mallory"),
                            new com.unboundid.ldap.sdk.Attribute("sn", "Mallory"))),
                    () -> c.modifyDN(bobDn, "uid=robert", true))) {
                LDAPException e = assertThrows(LDAPException.class, op::run);
                assertEquals(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, e.getResultCode());
            }
            assertEquals("Engineer", c.getEntry(bobDn, "title").getAttributeValue("title"));
        }
    }

    @Test
    void upsertAndRemoveAreVisible() throws Exception {
        server.start(config(false));
        server.replaceAll(directory());
        try (LDAPConnection c = bind("bob@atrium.test", "bob-pw")) {
            server.upsert(GalEntry.user("new.test", "carol", "carol@new.test", "Carol", "Jones")
                    .withOrganization("Sales", null, null, null, "alice@atrium.test"));
            SearchResultEntry carol = c.searchForEntry(BASE, SearchScope.SUB, "(mail=carol@new.test)");
            assertEquals("Carol Jones", carol.getAttributeValue("cn"));
            assertEquals("uid=alice,ou=people,ou=atrium.test,o=atrium", carol.getAttributeValue("manager"));
            assertEquals("uid=carol,ou=people,ou=new.test,o=atrium", carol.getDN());

            server.upsert(GalEntry.user("new.test", "carol", "carol@new.test", "Carol", "Smith"));
            carol = c.searchForEntry(BASE, SearchScope.SUB, "(mail=carol@new.test)");
            assertEquals("Smith", carol.getAttributeValue("sn"));
            assertEquals(null, carol.getAttributeValue("departmentNumber"), "cleared fields are removed");

            server.upsert(directory().get(1).withHidden(true));
            assertEquals(0, c.search(BASE, SearchScope.SUB, "(mail=bob@atrium.test)").getEntryCount());

            assertTrue(server.remove(GalEntry.Kind.USER, "new.test", "carol@new.test"));
            assertFalse(server.remove(GalEntry.Kind.USER, "new.test", "carol@new.test"));
            assertEquals(0, c.search(BASE, SearchScope.SUB, "(mail=carol@new.test)").getEntryCount());
        }
    }

    @Test
    void restartKeepsDataAndReplaceAllRemovesStaleEntries() throws Exception {
        EmbeddedGalServer.Config config = config(false);
        server.start(config);
        server.replaceAll(directory());
        server.replaceAll(directory()); // idempotent
        server.stop();
        assertFalse(server.isRunning());

        server.start(config);
        assertTrue(server.isRunning());
        try (LDAPConnection c = bind("alice@atrium.test", "alice-pw")) {
            assertEquals(1, c.search(BASE, SearchScope.SUB, "(mail=bob@atrium.test)").getEntryCount());
        }
        // bob and the other.test domain were deleted in the database while the server was down
        List<GalEntry> remaining = directory().stream()
                .filter(e -> !e.mail().equals("bob@atrium.test") && !e.domain().equals("other.test")).toList();
        server.replaceAll(remaining);
        try (LDAPConnection c = bind(ADMIN_DN, ADMIN_PW)) {
            assertEquals(0, c.search(BASE, SearchScope.SUB, "(mail=bob@atrium.test)").getEntryCount());
            assertEquals(0, c.search(BASE, SearchScope.SUB, "(ou=other.test)").getEntryCount());
            assertEquals(remaining.size(), c.search(BASE, SearchScope.SUB, "(uid=*)").getEntryCount());
            assertEquals(null, c.searchForEntry(BASE, SearchScope.SUB, "(mail=alice@atrium.test)", "manager")
                    .getAttributeValue("manager"), "manager left the GAL");
        }
        server.stop();
        server.start(config);
        try (LDAPConnection c = bind(ADMIN_DN, ADMIN_PW)) {
            assertEquals(remaining.size(), c.search(BASE, SearchScope.SUB, "(uid=*)").getEntryCount());
        }
    }

    /** The sample LDIF shipped in atrium-directory-schema is valid against the schema the server loads. */
    @Test
    void sampleDataLoadsIntoTheServer() throws Exception {
        server.start(config(false));
        server.replaceAll(List.of(GalEntry.user("atrium.example", "seed", "seed@atrium.example", "S", "Eed")));
        try (LDAPConnection admin = bind(ADMIN_DN, ADMIN_PW);
             LDIFReader reader = new LDIFReader(getClass().getClassLoader()
                     .getResourceAsStream("org/atrium/directory/ldif/sample-data.ldif"))) {
            for (com.unboundid.ldap.sdk.Entry e = reader.readEntry(); e != null; e = reader.readEntry()) {
                admin.add(e);
            }
            assertEquals(Set.of("ada@atrium.example", "alan@bletchley.example", "grace@atrium.example"),
                    mails(admin.search(BASE, SearchScope.SUB, "(|(cn=a*)(givenName=gr*))")));
            assertEquals(1, admin.search(BASE, SearchScope.SUB, "(atriumResourceCapacity>=10)").getEntryCount());
        }
    }

    @FunctionalInterface
    interface ThrowingOp {
        void run() throws Exception;
    }
}
