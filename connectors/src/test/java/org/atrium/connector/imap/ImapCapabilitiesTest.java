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
        assertEquals("IMAP4rev1 LITERAL+ SASL-IR AUTH=PLAIN ENABLE ID IDLE NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN "
                + "SPECIAL-USE LIST-EXTENDED LIST-STATUS CONDSTORE QRESYNC ESEARCH SEARCHRES SORT "
                + "THREAD=ORDEREDSUBJECT THREAD=REFERENCES QUOTA QUOTA=RES-STORAGE QUOTA=RES-MESSAGE ACL RIGHTS=texk "
                + "APPENDLIMIT=52428800 STATUS=SIZE", String.join(" ", ImapCapabilities.of(all, SETTINGS)));
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
