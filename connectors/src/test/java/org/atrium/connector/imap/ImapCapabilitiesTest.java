package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CAPABILITY list follows the registered processors (RFC 3501 §7.2.1: advertise only what is implemented). */
class ImapCapabilitiesTest {

    private static final ImapSettings SETTINGS = ImapSettings.defaults("h");

    @Test
    void everythingWhenEveryCommandIsRegisteredInTheDeclaredOrder() {
        Set<String> all = Set.of("AUTHENTICATE", "ENABLE", "ID", "IDLE", "NAMESPACE", "UNSELECT", "APPEND", "COPY",
                "EXPUNGE", "MOVE", "LIST", "STATUS", "SELECT", "FETCH", "STORE", "SEARCH", "SORT", "THREAD",
                "GETQUOTA", "GETQUOTAROOT", "SETACL", "DELETEACL", "GETACL", "LISTRIGHTS", "MYRIGHTS");
        assertEquals("IMAP4rev1 IMAP4rev2 LITERAL+ SASL-IR AUTH=PLAIN ENABLE ID IDLE NAMESPACE UNSELECT UIDPLUS MOVE "
                + "CHILDREN SPECIAL-USE LIST-EXTENDED LIST-STATUS CONDSTORE QRESYNC ESEARCH SEARCHRES SORT "
                + "THREAD=ORDEREDSUBJECT THREAD=REFERENCES QUOTA QUOTA=RES-STORAGE QUOTA=RES-MESSAGE ACL RIGHTS=texk "
                + "APPENDLIMIT=52428800 STATUS=SIZE BINARY", String.join(" ", ImapCapabilities.of(all, SETTINGS)));
    }

    @Test
    void aCapabilityNeedsAllItsCommands() {
        assertEquals(List.of("IMAP4rev1", "LITERAL+", "CHILDREN", "SPECIAL-USE", "LIST-EXTENDED"),
                ImapCapabilities.of(Set.of("LIST"), SETTINGS));
    }

    @Test
    void aclNeedsAllFiveCommandsRfc4314s2_1() {
        Set<String> acl = Set.of("SETACL", "DELETEACL", "GETACL", "LISTRIGHTS", "MYRIGHTS");
        assertEquals(List.of("IMAP4rev1", "LITERAL+", "ACL", "RIGHTS=texk"), ImapCapabilities.of(acl, SETTINGS));
        for (String missing : acl) {
            Set<String> some = new java.util.HashSet<>(acl);
            some.remove(missing);
            assertEquals(List.of("IMAP4rev1", "LITERAL+"), ImapCapabilities.of(some, SETTINGS), missing);
        }
    }

    @Test
    void imap4rev2NeedsWhatRfc9051MakesMandatory() {
        Set<String> rev2 = Set.of("ENABLE", "NAMESPACE", "UNSELECT", "MOVE", "IDLE", "SEARCH", "LIST", "STATUS",
                "FETCH", "APPEND");
        assertEquals(true, ImapCapabilities.of(rev2, SETTINGS).contains("IMAP4rev2"));
        for (String missing : rev2) {
            Set<String> some = new java.util.HashSet<>(rev2);
            some.remove(missing);
            assertEquals(false, ImapCapabilities.of(some, SETTINGS).contains("IMAP4rev2"), missing);
        }
        assertEquals(List.of("IMAP4rev1", "LITERAL+", "APPENDLIMIT=52428800", "BINARY"),
                ImapCapabilities.of(Set.of("FETCH", "APPEND"), SETTINGS));
    }

    @Test
    void messageProcessorsSwitchOnTheirCapabilities() {
        InMemoryMailStore store = new InMemoryMailStore();
        List<String> caps = new ImapSessionFactory(store, ImapSettings.defaults(ImapHarness.HOST), ImapHarness.CLOCK)
                .capabilities();
        for (String cap : List.of("UIDPLUS", "MOVE", "CONDSTORE", "QRESYNC", "ESEARCH", "SEARCHRES", "SORT",
                "THREAD=ORDEREDSUBJECT", "THREAD=REFERENCES")) {
            assertEquals(true, caps.contains(cap), cap);
        }
    }
}
