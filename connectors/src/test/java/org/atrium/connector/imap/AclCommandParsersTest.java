package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.atrium.connector.imap.port.AclOperation;
import org.junit.jupiter.api.Test;

/** SETACL, DELETEACL, GETACL, LISTRIGHTS and MYRIGHTS parsing (RFC 4314 §4 formal syntax) and the rights letters. */
class AclCommandParsersTest {

    private final ImapCommandParsers parsers = new ImapCommandParsers(ImapRequestLimits.DEFAULTS);

    private ImapRequest ok(String name, String args) {
        ImapCommandParsers.Result r = parsers.parse(ImapCommandLine.of("t", name, args), false);
        return assertInstanceOf(ImapCommandParsers.Result.Parsed.class, r, r::toString).request();
    }

    private String bad(String name, String args) {
        ImapCommandParsers.Result r = parsers.parse(ImapCommandLine.of("t", name, args), false);
        ImapCommandParsers.Result.Bad b = assertInstanceOf(ImapCommandParsers.Result.Bad.class, r, r::toString);
        assertTrue(!b.message().endsWith("invalid arguments"), "a parser threw: " + b);
        return b.message();
    }

    @Test
    void setAclModRightsPrefixRfc4314s3_1() {
        assertEquals(new SetAclRequest("t", new MailboxName("Work"), "bob@example.org", AclOperation.REPLACE, "lrs"),
                ok("SETACL", " Work bob@example.org srl"));
        assertEquals(new SetAclRequest("t", MailboxName.INBOX, "anyone", AclOperation.ADD, "lr"),
                ok("SETACL", " inbox anyone +rl"));
        assertEquals(new SetAclRequest("t", MailboxName.INBOX, "Bob@Example.org", AclOperation.REMOVE, "w"),
                ok("SETACL", " INBOX \"Bob@Example.org\" -w"));
        assertEquals(new SetAclRequest("t", MailboxName.INBOX, "anyone", AclOperation.REPLACE, ""),
                ok("SETACL", " INBOX anyone \"\""), "empty rights: the entry loses every right");
        assertEquals(new SetAclRequest("t", MailboxName.INBOX, "anyone", AclOperation.ADD, ""),
                ok("SETACL", " INBOX anyone +"));
    }

    @Test
    void obsoleteRightsAreExpandedRfc4314s2_1_1() {
        assertEquals("lrkx", ((SetAclRequest) ok("SETACL", " INBOX anyone lrc")).rights());
        assertEquals("te", ((SetAclRequest) ok("SETACL", " INBOX anyone -d")).rights());
        assertEquals("lrswipkxtea", ((SetAclRequest) ok("SETACL", " INBOX anyone +alrswipcd")).rights());
    }

    @Test
    void unknownRightsAreBadRfc4314s3_1() {
        assertEquals("SETACL: Invalid rights: unknown right 'z'", bad("SETACL", " INBOX anyone lrz"));
        bad("SETACL", " INBOX anyone +L");
        bad("SETACL", " INBOX anyone 0");
        bad("SETACL", " INBOX anyone");
        bad("SETACL", " INBOX \"\" lr");
        bad("SETACL", " INBOX anyone lr extra");
    }

    @Test
    void theOtherCommands() {
        assertEquals(new DeleteAclRequest("t", new MailboxName("Work"), "bob@example.org"),
                ok("DELETEACL", " Work bob@example.org"));
        bad("DELETEACL", " Work");
        assertEquals(new GetAclRequest("t", MailboxName.INBOX), ok("GETACL", " INBOX"));
        bad("GETACL", "");
        bad("GETACL", " INBOX anyone");
        assertEquals(new ListRightsRequest("t", MailboxName.INBOX, "anyone"), ok("LISTRIGHTS", " INBOX anyone"));
        bad("LISTRIGHTS", " INBOX");
        assertEquals(new MyRightsRequest("t", new MailboxName("a b")), ok("MYRIGHTS", " \"a b\""));
        bad("MYRIGHTS", "");
    }

    @Test
    void canonicalRights() {
        assertEquals("lrswipkxtea", AclRights.canonical("aetxkpiwsrl"));
        assertEquals("lr", AclRights.canonical("rlrl"));
        assertEquals("kxte", AclRights.canonical("cd"));
        assertEquals("", AclRights.canonical(""));
        assertThrows(IllegalArgumentException.class, () -> AclRights.canonical("R"));
        assertEquals("\"\"", AclRights.astring(""));
        assertEquals("bob@example.org", AclRights.astring("bob@example.org"));
        assertEquals("\"a b\"", AclRights.astring("a b"));
    }
}
