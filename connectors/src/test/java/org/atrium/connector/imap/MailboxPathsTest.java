package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.atrium.connector.imap.port.MailboxException;
import org.junit.jupiter.api.Test;

/** Modified UTF-7 mailbox names (RFC 3501 §5.1.3), with the examples of that section. */
class MailboxPathsTest {

    @Test
    void encodesAndDecodesRfc3501Examples() throws Exception {
        String name = "~peter/mail/\u53f0\u5317/\u65e5\u672c\u8a9e";
        String wire = "~peter/mail/&U,BTFw-/&ZeVnLIqe-";
        assertEquals(wire, MailboxPaths.encode(name));
        assertEquals(name, MailboxPaths.decode(wire));
        assertEquals("Entw&APw-rfe", MailboxPaths.encode("Entwürfe"));
        assertEquals("Tom &- Jerry", MailboxPaths.encode("Tom & Jerry"));
        assertEquals("Tom & Jerry", MailboxPaths.decode("Tom &- Jerry"));
    }

    @Test
    void roundTripsAnyText() throws Exception {
        for (String s : new String[] {"", "INBOX", "a&b", "\u00e9t\u00e9 2026", "\ud83d\udce7 mail", "x\u0001y"}) {
            assertEquals(s, MailboxPaths.decode(MailboxPaths.encode(s)));
        }
    }

    @Test
    void refusesInvalidNames() {
        for (String bad : new String[] {"&U,BTFw", "&AGE-", "&A-", "caf\u00e9", "&!!-"}) {
            MailboxException e = assertThrows(MailboxException.class, () -> MailboxPaths.decode(bad), bad);
            assertEquals(MailboxException.Code.CANNOT, e.code());
        }
    }

    @Test
    void utf8AcceptPassesNamesThrough() throws Exception {
        assertEquals("Entwürfe", MailboxPaths.toPath(new MailboxName("Entwürfe"), true));
        assertEquals("Entwürfe", MailboxPaths.toWire("Entwürfe", true));
    }
}
