package org.atrium.store.infrastructure.directory.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atrium.store.application.ContactView;
import org.atrium.store.application.ResourceView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contacts and resources (ADR 0017) from the services' views to LDAP entries with their attributes. */
class GalContactsResourcesTest {

    private static final String BASE = "o=atrium";

    @TempDir
    Path data;

    private final EmbeddedGalServer server = new EmbeddedGalServer();
    private final Map<String, String> passwords = Map.of("bob@atrium.test", "bob-pw");

    private static final ContactView CONTACT = new ContactView(7, "ann@partner.example", "atrium.test",
            "Ann Partner", "Ann", "Partner", "Partner Ltd", "Purchasing", "Buyer", "+44 20 7946 0000",
            "+44 7700 900000", "Prefers mail\nafter 10:00", Instant.EPOCH);
    private static final ResourceView ROOM = new ResourceView(9, "board@atrium.test", "atrium.test", "Boardroom",
            "ROOM", 12, "Floor 2, east wing", true, 0, Instant.EPOCH);
    private static final ResourceView BEAMER = new ResourceView(10, "beamer@atrium.test", "atrium.test", "Beamer",
            "EQUIPMENT", null, null, true, 0, Instant.EPOCH);

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void contactProjection() {
        GalEntry e = GalProjection.entry(CONTACT);
        assertEquals(GalEntry.Kind.CONTACT, e.kind());
        assertEquals("atrium.test", e.domain(), "under its address book's domain, not partner.example");
        assertEquals("ann@partner.example", e.localId());
        assertEquals("Partner Ltd", e.company());
        assertEquals("+44 7700 900000", e.mobile());
        assertEquals("Prefers mail\nafter 10:00", e.notes());
        assertEquals("Purchasing", e.department());
        assertNull(e.resourceType());
    }

    @Test
    void resourceProjection() {
        GalEntry e = GalProjection.entry(ROOM);
        assertEquals(GalEntry.Kind.RESOURCE, e.kind());
        assertEquals("board", e.localId());
        assertEquals("room", e.resourceType());
        assertEquals(12, e.resourceCapacity());
        assertEquals("Floor 2, east wing", e.location());
        assertFalse(e.hidden());
        ResourceView disabled = new ResourceView(9, "board@atrium.test", "atrium.test", "Boardroom", "ROOM", 12,
                null, false, 0, Instant.EPOCH);
        assertTrue(GalProjection.entry(disabled).hidden(), "a disabled resource is hidden like a disabled user");
    }

    @Test
    void publishedWithTheirObjectClassesAndAttributes() throws Exception {
        server.start(EmbeddedGalServer.Config.of(data, "gal-admin-Pw1",
                (mail, pw) -> new String(pw).equals(passwords.get(mail))).withPort(freePort()));
        server.replaceAll(List.of(GalEntry.user("atrium.test", "bob", "bob@atrium.test", "Bob", "Builder"),
                GalProjection.entry(CONTACT), GalProjection.entry(ROOM), GalProjection.entry(BEAMER)));
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", server.port())) {
            c.bind("bob@atrium.test", "bob-pw");
            SearchResultEntry ann = c.searchForEntry(BASE, SearchScope.SUB, "(mail=ann@partner.example)", "*");
            assertTrue(ann.getDN().endsWith("ou=contacts,ou=atrium.test,o=atrium"), ann.getDN());
            assertTrue(Set.of(ann.getObjectClassValues()).contains("atriumMailContact"));
            assertTrue(Set.of(ann.getObjectClassValues()).contains("inetOrgPerson"));
            assertEquals("Partner Ltd", ann.getAttributeValue("o"));
            assertEquals("+44 7700 900000", ann.getAttributeValue("mobile"));
            assertEquals("+44 20 7946 0000", ann.getAttributeValue("telephoneNumber"));
            assertEquals("Buyer", ann.getAttributeValue("title"));
            assertEquals("Prefers mail\nafter 10:00", ann.getAttributeValue("description"));
            assertNull(ann.getAttributeValue("atriumMailEnabled"), "a contact has no mailbox here");

            SearchResultEntry board = c.searchForEntry(BASE, SearchScope.SUB, "(atriumResourceType=room)", "*");
            assertEquals("board@atrium.test", board.getAttributeValue("mail"));
            assertTrue(board.getDN().endsWith("ou=resources,ou=atrium.test,o=atrium"), board.getDN());
            assertTrue(Set.of(board.getObjectClassValues()).contains("atriumResource"));
            assertEquals("12", board.getAttributeValue("atriumResourceCapacity"));
            assertEquals("Floor 2, east wing", board.getAttributeValue("l"));
            assertEquals("TRUE", board.getAttributeValue("atriumMailEnabled"));

            SearchResultEntry beamer = c.searchForEntry(BASE, SearchScope.SUB, "(mail=beamer@atrium.test)", "*");
            assertEquals("equipment", beamer.getAttributeValue("atriumResourceType"));
            assertNull(beamer.getAttributeValue("atriumResourceCapacity"));

            ContactView moved = new ContactView(7, "ann@partner.example", "atrium.test", "Ann Partner", "Ann",
                    "Partner", null, null, null, null, null, null, Instant.EPOCH);
            server.upsert(GalProjection.entry(moved));
            SearchResultEntry changed = c.searchForEntry(BASE, SearchScope.SUB, "(mail=ann@partner.example)", "*");
            assertNull(changed.getAttributeValue("o"), "a cleared company is removed from the entry");
            assertNull(changed.getAttributeValue("mobile"));

            assertTrue(server.remove(GalEntry.Kind.CONTACT, "ann@partner.example"));
            assertNull(c.searchForEntry(BASE, SearchScope.SUB, "(mail=ann@partner.example)"));
            assertFalse(server.remove(GalEntry.Kind.CONTACT, "board@atrium.test"),
                    "removing a contact never takes a resource of that address");
            assertEquals("board@atrium.test", c.searchForEntry(BASE, SearchScope.SUB, "(mail=board@atrium.test)")
                    .getAttributeValue("mail"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
