package org.atrium.connector.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session side of shared and public folders (ADR 0006) through {@link ImapSession}: NAMESPACE (RFC 2342),
 * \Noselect names and patterns across the namespaces in LIST/LSUB (RFC 3501 §6.3.8, RFC 5258), SELECT read-only by
 * rights with PERMANENTFLAGS narrowed to them (RFC 4314 §4, §5.2), the store's NOPERM passed through, and LISTRIGHTS
 * with the owner each namespace implies (RFC 4314 §3.4). {@link InMemoryMailStore} plays the store: the shared names
 * are filed in alice's tree with the rights she would hold on them.
 */
class ImapSharedFoldersTest {

    private static final String MAIL = ImapMailboxCommandsTest.MAIL;
    private static final String BOB = "Other Users/bob@example.org";
    private static final String PROJECTS = BOB + "/Projects";
    private static final String NEWS = "Public Folders/News";
    private static final String VISIBLE = "Public Folders/Hidden/Visible";

    private InMemoryMailStore store;
    private ImapHarness c;

    @BeforeEach
    void setUp() {
        store = new InMemoryMailStore();
        store.addAccount("alice", "secret");
        store.addNoselect("alice", "Other Users");
        store.addNoselect("alice", BOB);
        store.addFolder("alice", PROJECTS, null);
        store.addNoselect("alice", "Public Folders");
        store.addFolder("alice", NEWS, null);
        store.addNoselect("alice", "Public Folders/Hidden"); // a parent alice may not look up
        store.addFolder("alice", VISIBLE, null);
        c = new ImapHarness(store).login("alice", "secret");
    }

    @Test
    void namespaceNamesTheThreeNamespacesRfc2342s5() {
        List<String> expected = List.of(
                "* NAMESPACE ((\"\" \"/\")) ((\"Other Users/\" \"/\")) ((\"Public Folders/\" \"/\"))",
                "a1 OK NAMESPACE completed");
        assertEquals(expected, c.send("a1 NAMESPACE"));
        c.send("e1 ENABLE IMAP4rev2");
        assertEquals(expected, c.send("a1 NAMESPACE"), "RFC 9051 §6.3.10 keeps the response");
    }

    @Test
    void namesAboveWhatTheUserMaySeeAreNoselect() {
        assertEquals(List.of("* LIST (\\HasNoChildren) \"/\" \"INBOX\"",
                "* LIST (\\Noselect \\HasChildren) \"/\" \"Other Users\"",
                "* LIST (\\Noselect \\HasChildren) \"/\" \"Public Folders\"", "a1 OK LIST completed"),
                c.send("a1 LIST \"\" %"));
        assertEquals(List.of("* LIST (\\Noselect \\HasChildren) \"/\" \"" + BOB + "\"", "a2 OK LIST completed"),
                c.send("a2 LIST \"\" \"Other Users/%\""));
        assertEquals(List.of("* LIST (\\HasNoChildren) \"/\" \"" + PROJECTS + "\"", "a3 OK LIST completed"),
                c.send("a3 LIST \"Other Users/\" \"%/%\""), "the reference joins the pattern");
        assertEquals(List.of("* LIST (\\Noselect \\HasChildren) \"/\" \"Public Folders/Hidden\"",
                "* LIST (\\HasNoChildren) \"/\" \"" + VISIBLE + "\"",
                "* LIST (\\HasNoChildren) \"/\" \"" + NEWS + "\"", "a4 OK LIST completed"),
                c.send("a4 LIST \"\" \"Public Folders/*\""));
        assertEquals(9, c.send("a5 LIST \"\" *").size(), "* crosses every namespace: 8 names and the OK");
        assertEquals(List.of("* LIST (\\Noselect) \"/\" \"\"", "a6 OK LIST completed"), c.send("a6 LIST \"\" \"\""),
                "the delimiter as before");
        assertEquals(List.of("* LIST (\\Noselect) \"/\" \"Public Folders/\"", "a7 OK LIST completed"),
                c.send("a7 LIST \"" + NEWS + "\" \"\""), "RFC 3501 §6.3.8: the root of the reference's namespace");
    }

    @Test
    void listStatusAsksNoStatusOfANoselectNameRfc5819s2() {
        store.deliver("alice", NEWS, MAIL);
        assertEquals(List.of("* LIST (\\Noselect \\HasChildren) \"/\" \"Public Folders\"",
                "* LIST (\\Noselect \\HasChildren) \"/\" \"Public Folders/Hidden\"",
                "* LIST (\\HasNoChildren) \"/\" \"" + VISIBLE + "\"",
                "* STATUS \"" + VISIBLE + "\" (MESSAGES 0)",
                "* LIST (\\HasNoChildren) \"/\" \"" + NEWS + "\"",
                "* STATUS \"" + NEWS + "\" (MESSAGES 1)", "a1 OK LIST completed"),
                c.send("a1 LIST \"\" \"Public*\" RETURN (STATUS (MESSAGES))"));
    }

    @Test
    void subscribedSelectionShowsNoselectParentsAsNonExistentRfc5258s3() {
        c.send("s1 SUBSCRIBE \"" + VISIBLE + "\"");
        assertEquals(List.of("* LIST (\\HasNoChildren \\Subscribed) \"/\" \"" + VISIBLE + "\"",
                "a1 OK LIST completed"), c.send("a1 LIST (SUBSCRIBED) \"\" *"));
        assertEquals(List.of(
                "* LIST (\\NonExistent \\HasChildren) \"/\" \"Public Folders/Hidden\" (\"CHILDINFO\" (\"SUBSCRIBED\"))",
                "a2 OK LIST completed"), c.send("a2 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" \"Public Folders/%\""));
        assertEquals(List.of("* LIST (\\HasNoChildren \\Subscribed) \"/\" \"" + VISIBLE + "\"",
                "a3 OK LIST completed"), c.send("a3 LIST (SUBSCRIBED RECURSIVEMATCH) \"\" *"),
                "RFC 5258 §3: no CHILDINFO parent when the pattern matches the subscribed child itself");
        assertEquals(List.of("* LIST (\\HasNoChildren \\Subscribed) \"/\" \"" + VISIBLE + "\"",
                "a4 OK LIST completed"), c.send("a4 LIST (SUBSCRIBED) \"\" *"));
        store.addSubscription("alice", "Public Folders/Hidden");
        assertEquals(List.of("* LSUB (\\Noselect) \"/\" \"Public Folders/Hidden\"",
                "* LSUB () \"/\" \"" + VISIBLE + "\"", "a5 OK LSUB completed"), c.send("a5 LSUB \"\" \"Public*\""));
        assertEquals(List.of(
                "* LIST (\\NonExistent \\HasChildren \\Subscribed) \"/\" \"Public Folders/Hidden\"",
                "* LIST (\\HasNoChildren \\Subscribed) \"/\" \"" + VISIBLE + "\"", "a6 OK LIST completed"),
                c.send("a6 LIST (SUBSCRIBED) \"\" \"Public*\""));
    }

    @Test
    void selectOpensReadOnlyWithoutAnyRightToChangeRfc4314s5_2() {
        store.deliver("alice", PROJECTS, MAIL);
        store.limitRights("alice", PROJECTS, "lr");
        List<String> r = c.send("s1 SELECT \"" + PROJECTS + "\"");
        assertTrue(r.contains("* OK [PERMANENTFLAGS ()] No permanent flags permitted"), r.toString());
        assertEquals("s1 OK [READ-ONLY] SELECT completed", ImapHarness.last(r));
        assertEquals(0, store.folder("alice", PROJECTS).recentClaimedUpTo, "a read-only open claims no \\Recent");
        assertEquals(List.of("a1 NO Mailbox is read-only"), c.send("a1 STORE 1 +FLAGS (\\Seen)"));
        assertEquals(List.of("a2 NO Mailbox is read-only"), c.send("a2 EXPUNGE"));
        c.send("a3 FETCH 1 BODY[]");
        assertFalse(store.folder("alice", PROJECTS).messages.get(1L).flags.contains("\\Seen"));
    }

    @Test
    void permanentFlagsListOnlyWhatTheRightsAllowRfc4314s4() {
        store.addFolder("alice", "Kw", null);
        store.deliver("alice", "Kw", MAIL, "$Important");
        store.limitRights("alice", "Kw", "lrs");
        assertTrue(c.send("s1 SELECT Kw").contains("* OK [PERMANENTFLAGS (\\Seen)] Flags permitted"));
        store.limitRights("alice", "Kw", "lrte");
        assertTrue(c.send("s2 SELECT Kw").contains("* OK [PERMANENTFLAGS (\\Deleted)] Flags permitted"));
        store.limitRights("alice", "Kw", "lrwi");
        List<String> r = c.send("s3 SELECT Kw");
        assertTrue(r.contains("* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Draft $Important \\*)] Flags permitted"),
                r.toString());
        assertEquals("s3 OK [READ-WRITE] SELECT completed", ImapHarness.last(r));
    }

    @Test
    void fetchDoesNotSetSeenWithoutTheSeenRightRfc4314s4() {
        store.deliver("alice", NEWS, MAIL);
        store.limitRights("alice", NEWS, "lrte");
        assertEquals("s1 OK [READ-WRITE] SELECT completed", ImapHarness.last(c.send("s1 SELECT \"" + NEWS + "\"")));
        assertEquals("a1 OK FETCH completed", ImapHarness.last(c.send("a1 FETCH 1 BODY[]")));
        assertFalse(store.folder("alice", NEWS).messages.get(1L).flags.contains("\\Seen"));
    }

    @Test
    void theStoresRefusalsReachTheClientAsNoPermRfc4314s4() {
        store.deliver("alice", NEWS, MAIL);
        store.limitRights("alice", NEWS, "lrs"); // Reviewer
        List<String> r = c.send("s1 SELECT \"" + NEWS + "\"");
        assertEquals("s1 OK [READ-WRITE] SELECT completed", ImapHarness.last(r), "\\Seen is a change");
        assertEquals(List.of("a1 NO [NOPERM] Permission denied"), c.send("a1 STORE 1 +FLAGS (\\Flagged)"));
        assertEquals(List.of("* 1 FETCH (FLAGS (\\Seen \\Recent))", "a2 OK STORE completed"),
                c.send("a2 STORE 1 +FLAGS (\\Seen \\Flagged)"), "the store keeps the flags the user may set");
        assertEquals(List.of("a3 NO [NOPERM] Permission denied"), c.send("a3 EXPUNGE"));
        assertEquals(List.of("a4 NO [NOPERM] Permission denied"), c.send("a4 MOVE 1 INBOX"));
        assertEquals(List.of("a5 OK CLOSE completed"), c.send("a5 CLOSE"), "CLOSE without e expunges nothing");
        store.deliver("alice", "INBOX", MAIL);
        c.send("s2 SELECT INBOX");
        assertEquals(List.of("a6 NO [NOPERM] Permission denied"), c.send("a6 COPY 1 \"" + NEWS + "\""));
        assertEquals(List.of("+ Ready for literal data", "a7 NO [NOPERM] Permission denied"),
                c.type("a7 APPEND \"" + NEWS + "\" {" + MAIL.length() + "}\r\n" + MAIL + "\r\n"));
    }

    @Test
    void listRightsKnowsTheOwnerOfEachNamespaceRfc4314s3_4() {
        String anyRight = "\"\" l r s w i p k x t e a";
        store.limitRights("alice", PROJECTS, "lra");
        assertEquals(List.of("* LISTRIGHTS \"" + PROJECTS + "\" Bob@Example.org lrswipkxtea",
                "a1 OK LISTRIGHTS completed"), c.send("a1 LISTRIGHTS \"" + PROJECTS + "\" Bob@Example.org"),
                "the other user owns his folder");
        assertEquals(List.of("* LISTRIGHTS \"" + PROJECTS + "\" alice " + anyRight, "a2 OK LISTRIGHTS completed"),
                c.send("a2 LISTRIGHTS \"" + PROJECTS + "\" alice"), "the caller does not");
        store.limitRights("alice", NEWS, "lrswipkxtea");
        assertEquals(List.of("* LISTRIGHTS \"" + NEWS + "\" alice " + anyRight, "a3 OK LISTRIGHTS completed"),
                c.send("a3 LISTRIGHTS \"" + NEWS + "\" alice"), "nobody owns a public folder");
        assertEquals(List.of("* LISTRIGHTS \"" + NEWS + "\" anyone " + anyRight, "a4 OK LISTRIGHTS completed"),
                c.send("a4 LISTRIGHTS \"" + NEWS + "\" anyone"));
        assertEquals(List.of("* LISTRIGHTS \"INBOX\" alice lrswipkxtea", "a5 OK LISTRIGHTS completed"),
                c.send("a5 LISTRIGHTS INBOX alice"), "the caller owns a personal folder");
        store.limitRights("alice", VISIBLE, "lr");
        assertEquals(List.of("a6 NO [NOPERM] You may not administer this mailbox"),
                c.send("a6 LISTRIGHTS \"" + VISIBLE + "\" anyone"));
        assertEquals(List.of("* MYRIGHTS \"" + VISIBLE + "\" lr", "a7 OK MYRIGHTS completed"),
                c.send("a7 MYRIGHTS \"" + VISIBLE + "\""));
        assertEquals(List.of("a8 NO [NONEXISTENT] No such mailbox"), c.send("a8 SELECT \"" + BOB + "\""),
                "a \\Noselect name cannot be opened");
    }
}
