package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ACL commands (RFC 4314 §3) through {@link ImapSession}, against {@link InMemoryMailStore}. */
class AclProcessorsTest {

    private static final String ALL = "lrswipkxtea";

    private InMemoryMailStore store;
    private ImapHarness c;

    @BeforeEach
    void setUp() {
        store = new InMemoryMailStore();
        store.addAccount("alice", "secret");
        store.addFolder("alice", "Work", null);
        c = new ImapHarness(store).login("alice", "secret");
    }

    @Test
    void theOwnerHasEveryRightRfc4314s3_5() {
        assertEquals(List.of("* MYRIGHTS \"INBOX\" " + ALL, "a1 OK MYRIGHTS completed"), c.send("a1 MYRIGHTS inbox"));
        assertEquals(List.of("* ACL \"Work\" alice " + ALL, "a2 OK GETACL completed"), c.send("a2 GETACL Work"));
        // The identifier is echoed as the client gave it; the owner is recognised case-insensitively.
        assertEquals(List.of("* LISTRIGHTS \"Work\" ALICE " + ALL, "a3 OK LISTRIGHTS completed"),
                c.send("a3 LISTRIGHTS Work ALICE"));
    }

    @Test
    void setAclAddsRemovesAndReplacesRfc4314s3_1() {
        assertEquals(List.of("a1 OK SETACL completed"), c.send("a1 SETACL Work Bob@Example.org lr"));
        assertEquals("* ACL \"Work\" alice " + ALL + " bob@example.org lr", c.send("a2 GETACL Work").get(0));
        c.send("a3 SETACL Work bob@example.org +wic");
        assertEquals("* ACL \"Work\" alice " + ALL + " bob@example.org lrwikx", c.send("a4 GETACL Work").get(0));
        c.send("a5 SETACL Work bob@example.org -wx");
        assertEquals("* ACL \"Work\" alice " + ALL + " bob@example.org lrik", c.send("a6 GETACL Work").get(0));
        c.send("a7 SETACL Work bob@example.org s");
        c.send("a8 SETACL Work anyone +l");
        assertEquals("* ACL \"Work\" alice " + ALL + " anyone l bob@example.org s", c.send("a9 GETACL Work").get(0));
        assertEquals(List.of("b1 OK SETACL completed"), c.send("b1 SETACL Work anyone -l"));
        assertEquals("* ACL \"Work\" alice " + ALL + " bob@example.org s", c.send("b2 GETACL Work").get(0),
                "an entry left with no rights is gone");
    }

    @Test
    void deleteAclRfc4314s3_2() {
        c.send("a1 SETACL Work bob@example.org lr");
        assertEquals(List.of("a2 OK DELETEACL completed"), c.send("a2 DELETEACL Work bob@example.org"));
        assertEquals("* ACL \"Work\" alice " + ALL, c.send("a3 GETACL Work").get(0));
        assertEquals(List.of("a4 OK DELETEACL completed"), c.send("a4 DELETEACL Work bob@example.org"),
                "nothing to delete is not an error");
    }

    @Test
    void listRightsOfAnotherIdentifierRfc4314s3_4() {
        assertEquals(List.of("* LISTRIGHTS \"Work\" bob@example.org \"\" l r s w i p k x t e a",
                "a1 OK LISTRIGHTS completed"), c.send("a1 LISTRIGHTS Work bob@example.org"));
    }

    @Test
    void subfoldersInheritTheParentsAcl() {
        c.send("a1 SETACL Work bob@example.org lrs");
        c.send("a2 CREATE Work/2026/Q1");
        assertEquals("* ACL \"Work/2026/Q1\" alice " + ALL + " bob@example.org lrs",
                c.send("a3 GETACL Work/2026/Q1").get(0));
        assertEquals("* ACL \"Work/2026\" alice " + ALL + " bob@example.org lrs",
                c.send("a4 GETACL Work/2026").get(0), "missing parents too");
        c.send("a5 RENAME Work Archive");
        assertEquals("* ACL \"Archive/2026/Q1\" alice " + ALL + " bob@example.org lrs",
                c.send("a6 GETACL Archive/2026/Q1").get(0), "RENAME keeps the ACL");
    }

    @Test
    void refusals() {
        assertEquals(List.of("a1 NO [CANNOT] The owner always has all rights"), c.send("a1 SETACL Work alice l"));
        assertEquals(List.of("a2 NO [CANNOT] The owner always has all rights"), c.send("a2 DELETEACL Work Alice"));
        assertEquals(List.of("a3 NO [NONEXISTENT] No such mailbox"), c.send("a3 GETACL Nope"));
        assertEquals(List.of("a4 NO [NONEXISTENT] No such mailbox"), c.send("a4 SETACL Nope anyone l"));
        assertEquals(List.of("a5 NO [NONEXISTENT] No such mailbox"), c.send("a5 MYRIGHTS Nope"));
        assertEquals(List.of("a6 NO [NONEXISTENT] No such mailbox"), c.send("a6 LISTRIGHTS Nope anyone"));
        assertEquals(List.of("a7 NO [NONEXISTENT] No such mailbox"), c.send("a7 DELETEACL Nope anyone"));
        assertEquals(List.of("a8 BAD SETACL: Invalid rights: unknown right 'q'"), c.send("a8 SETACL Work anyone lq"));
        assertEquals(List.of("a9 NO [CANNOT] Unknown identifier"), c.send("a9 SETACL Work nobody l"));
    }

    @Test
    void withoutTheAdministerRightOnlyMyRightsAnswersRfc4314s4() {
        store.limitRights("alice", "Work", "lr");
        assertEquals(List.of("* MYRIGHTS \"Work\" lr", "a1 OK MYRIGHTS completed"), c.send("a1 MYRIGHTS Work"));
        assertEquals(List.of("a2 NO [NOPERM] You may not administer this mailbox"), c.send("a2 GETACL Work"));
        assertEquals(List.of("a3 NO [NOPERM] You may not administer this mailbox"),
                c.send("a3 SETACL Work anyone l"));
        assertEquals(List.of("a4 NO [NOPERM] You may not administer this mailbox"),
                c.send("a4 DELETEACL Work anyone"));
        assertEquals(List.of("a5 NO [NOPERM] You may not administer this mailbox"),
                c.send("a5 LISTRIGHTS Work anyone"));
    }

    @Test
    void validInSelectedStateToo() {
        c.send("s1 SELECT Work");
        assertEquals(List.of("* MYRIGHTS \"Work\" " + ALL, "a1 OK MYRIGHTS completed"), c.send("a1 MYRIGHTS Work"));
    }
}
