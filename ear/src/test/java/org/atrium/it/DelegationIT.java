package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.ReadOnlyFolderException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.Rights;
import org.junit.jupiter.api.Test;

/**
 * Delegation (ADR 0006): a user shares one folder with SETACL and the delegate reads it under
 * {@code Other Users/<owner>/} with real clients (Jakarta Mail's IMAP provider, Python's imaplib); a whole-mailbox
 * READ grant set by the owner through the REST API (self-service) opens the owner's INBOX read-only; nobody else may
 * change the owner's grants; send-as and send-on-behalf grants are stored and listed.
 */
class DelegationIT {

    record User(String address, String password) {
    }

    static User user(String prefix) {
        String pw = "Pw-" + UUID.randomUUID();
        return new User(AdminClient.newUser(prefix, pw), pw);
    }

    static String grants(User owner) {
        return "/users/" + owner.address() + "/grants";
    }

    static String grant(String access, boolean sendAs, boolean sendOnBehalf) {
        return "{\"access\":\"" + access + "\",\"sendAs\":" + sendAs + ",\"sendOnBehalf\":" + sendOnBehalf + "}";
    }

    /** The grant of this grantee in GET /users/{owner}/grants, or null. */
    static Map<String, Object> listedGrant(String body, String grantee) {
        return Json.array(body).stream()
                .filter(g -> g.values().stream().anyMatch(v -> grantee.equalsIgnoreCase(Objects.toString(v))))
                .findFirst().orElse(null);
    }

    static void assert2xx(AdminClient.Reply r, String what) {
        assertEquals(2, r.status() / 100, what + ": " + r);
    }

    /** The owner creates Shared and Private, files a message into each, and gives the delegate "lr" on Shared. */
    static String shareOneFolder(User owner, User delegate) throws Exception {
        String subject = "shared " + UUID.randomUUID();
        try (ImapConn o = ImapConn.login(owner.address(), owner.password())) {
            o.ok("CREATE Shared");
            o.ok("CREATE Private");
            ImapConn.appendUid(o.append("Shared", null, "From: owner@example.org\r\nSubject: " + subject
                    + "\r\n\r\nfor the delegate\r\n"));
            ImapConn.appendUid(o.append("Private", null, "Subject: private\r\n\r\nnot for the delegate\r\n"));
            o.ok("SETACL Shared " + ImapConn.quote(delegate.address()) + " lr");
        }
        return subject;
    }

    @Test
    void delegateReadsASharedFolderWithJakartaMail() throws Exception {
        User owner = user("dgowner");
        User delegate = user("dgdelegate");
        String subject = shareOneFolder(owner, delegate);

        IMAPStore store = MailTools.imapStore(delegate.address(), delegate.password());
        try {
            // RFC 2342 through the client's API: the other users' namespace of the owner, and the shared one.
            Folder[] ofOwner = store.getUserNamespaces(owner.address());
            assertEquals(1, ofOwner.length);
            assertEquals("Other Users/" + owner.address(), ofOwner[0].getFullName());
            assertEquals("Public Folders", store.getSharedNamespaces()[0].getFullName());

            IMAPFolder shared = (IMAPFolder) ofOwner[0].getFolder("Shared");
            assertEquals("Other Users/" + owner.address() + "/Shared", shared.getFullName());
            assertTrue(shared.exists(), "LIST shows the shared folder");
            assertFalse(ofOwner[0].getFolder("Private").exists(), "the unshared folder is not listed");

            Rights rights = shared.myRights();
            assertTrue(rights.contains(Rights.Right.LOOKUP) && rights.contains(Rights.Right.READ), rights.toString());
            assertFalse(rights.contains(Rights.Right.INSERT) || rights.contains(Rights.Right.WRITE),
                    rights.toString());

            // RFC 4314 §4: no right to change anything, so SELECT answers READ-ONLY, which Jakarta Mail refuses for
            // READ_WRITE.
            assertThrows(ReadOnlyFolderException.class, () -> shared.open(Folder.READ_WRITE));
            shared.open(Folder.READ_ONLY);
            assertEquals(1, shared.getMessageCount());
            Message m = shared.getMessage(1);
            assertEquals(subject, m.getSubject());
            assertEquals("for the delegate", m.getContent().toString().trim());
            shared.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void delegateReadsASharedFolderWithPythonImaplib() throws Exception {
        User owner = user("dgpyowner");
        User delegate = user("dgpydelegate");
        String subject = shareOneFolder(owner, delegate);
        Path script = Path.of(getClass().getResource("/python/shared_folder.py").toURI());
        Processes.Result r = Processes.run(List.of("python3", script.toString(), ItEnv.HOST,
                Integer.toString(ItEnv.imap()), delegate.address(), delegate.password(), owner.address(), subject),
                Map.of(), null, 120);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("python imaplib shared folder ok"), r.output());
    }

    /**
     * A whole-mailbox READ grant (ADR 0006: {@code lr} on every folder of the owner) set by the owner through the REST
     * API: the delegate sees the owner's INBOX and opens it READ-ONLY; removing the grant takes it away. Another user
     * and the delegate itself may not change the owner's grants (403).
     */
    @Test
    void ownerGrantsReadAccessToTheWholeMailbox() throws Exception {
        User owner = user("dgmbowner");
        User delegate = user("dgmbdelegate");
        User other = user("dgmbother");
        String subject = "inbox " + UUID.randomUUID();
        MailTools.sendRaw("someone@example.org", owner.address(), "Subject: " + subject + "\r\n\r\nhello owner");
        MailTools.awaitMessages(owner.address(), owner.password(), 1, Duration.ofSeconds(20));
        String inbox = "Other Users/" + owner.address() + "/INBOX";

        try (ImapConn d = ImapConn.login(delegate.address(), delegate.password())) {
            assertEquals("NONEXISTENT", d.cmd("SELECT " + ImapConn.quote(inbox)).code(), "before the grant");

            String path = grants(owner) + "/" + delegate.address();
            AdminClient.Reply byOther = AdminClient.call("PUT", grants(owner) + "/" + other.address(),
                    grant("FULL", true, true), other.address(), other.password());
            assertEquals(403, byOther.status(), "another user cannot grant itself the owner's mailbox: " + byOther);
            AdminClient.Reply byDelegate = AdminClient.call("PUT", path, grant("FULL", false, false),
                    delegate.address(), delegate.password());
            assertEquals(403, byDelegate.status(), "the grantee cannot change its own grant: " + byDelegate);
            assertEquals(403, AdminClient.call("GET", grants(owner), null, other.address(), other.password())
                    .status());
            assertEquals(401, AdminClient.call("GET", grants(owner), null, null, null).status());

            assert2xx(AdminClient.call("PUT", path, grant("READ", false, false), owner.address(), owner.password()),
                    "self-service grant");
            AdminClient.Reply listed = AdminClient.call("GET", grants(owner), null, owner.address(),
                    owner.password());
            assertEquals(200, listed.status(), listed.toString());
            Map<String, Object> g = listedGrant(listed.body(), delegate.address());
            assertTrue(g != null && "READ".equals(g.get("access")), listed.body());

            ImapConn.Response list = d.ok("LIST \"\" " + ImapConn.quote("Other Users/" + owner.address() + "/*"));
            assertEquals(1, list.matching(PublicFoldersIT.selectable(inbox)).size(), list.toString());
            ImapConn.Response rights = d.ok("MYRIGHTS " + ImapConn.quote(inbox));
            assertEquals(1, rights.matching("\\* MYRIGHTS .* \"?lr\"?").size(), rights.toString());
            ImapConn.Response sel = d.cmd("SELECT " + ImapConn.quote(inbox));
            assertTrue(sel.tagged().startsWith("OK [READ-ONLY]"), sel.toString());
            assertEquals(1, d.uidSearch("SUBJECT " + ImapConn.quote(subject)).size());
            ImapConn.Response store = d.cmd("STORE 1 +FLAGS (\\Deleted)");
            assertFalse(store.ok(), store.toString());
            d.ok("CLOSE");
            ImapConn.Response append = d.append(inbox, null, "Subject: forged\r\n\r\nx\r\n");
            assertEquals("NOPERM", append.code(), append.toString());

            assert2xx(AdminClient.call("DELETE", path, null, owner.address(), owner.password()), "revoke");
            assertEquals("NONEXISTENT", d.cmd("SELECT " + ImapConn.quote(inbox)).code(), "after the revocation");
        }
    }

    /** Send-as and send-on-behalf grants (the transport enforces them, issue #4) are stored and listed. */
    @Test
    void sendAsAndSendOnBehalfGrantsAreStoredAndListed() {
        User owner = user("dgsendowner");
        User assistant = user("dgassistant");
        User deputy = user("dgdeputy");
        assert2xx(AdminClient.asAdmin("PUT", grants(owner) + "/" + assistant.address(), grant("NONE", true, false)),
                "send-as by the administrator");
        assert2xx(AdminClient.call("PUT", grants(owner) + "/" + deputy.address(), grant("FULL", false, true),
                owner.address(), owner.password()), "send-on-behalf by the owner");

        AdminClient.Reply all = AdminClient.asAdmin("GET", grants(owner), null);
        assertEquals(200, all.status(), all.toString());
        Map<String, Object> a = listedGrant(all.body(), assistant.address());
        assertTrue(a != null && Boolean.TRUE.equals(a.get("sendAs")) && Boolean.FALSE.equals(a.get("sendOnBehalf")),
                all.body());
        Map<String, Object> d = listedGrant(all.body(), deputy.address());
        assertTrue(d != null && "FULL".equals(d.get("access")) && Boolean.TRUE.equals(d.get("sendOnBehalf"))
                && Boolean.FALSE.equals(d.get("sendAs")), all.body());

        AdminClient.Reply one = AdminClient.asAdmin("GET", grants(owner) + "/" + assistant.address(), null);
        assertEquals(200, one.status(), one.toString());
        assertEquals(Boolean.TRUE, Json.object(one.body()).get("sendAs"), one.body());

        AdminClient.Reply bad = AdminClient.asAdmin("PUT", grants(owner) + "/" + deputy.address(),
                grant("EVERYTHING", false, false));
        assertEquals(400, bad.status(), "unknown access: " + bad);

        assert2xx(AdminClient.asAdmin("DELETE", grants(owner) + "/" + assistant.address(), null), "delete");
        AdminClient.Reply after = AdminClient.asAdmin("GET", grants(owner), null);
        assertEquals(null, listedGrant(after.body(), assistant.address()), after.body());
        assertTrue(listedGrant(after.body(), deputy.address()) != null, after.body());
    }
}
