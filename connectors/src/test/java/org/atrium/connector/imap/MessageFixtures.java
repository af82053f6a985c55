package org.atrium.connector.imap;

import java.util.List;

/** Messages and session set-up shared by the message command tests (RFC 3501 §6.4). */
final class MessageFixtures {

    static final String PLAIN = "From: Alice <alice@example.org>\r\nTo: bob@example.org\r\nSubject: plain %d\r\n"
            + "Date: Mon, 7 Feb 1994 21:52:25 -0800\r\nMessage-ID: <%d@example.org>\r\n\r\nHello number %d\r\n";

    static final String MULTIPART = "From: Alice <alice@example.org>\r\n"
            + "To: bob@example.org\r\n"
            + "Subject: parts\r\n"
            + "Date: Mon, 7 Feb 1994 21:52:25 -0800\r\n"
            + "Message-ID: <m@example.org>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
            + "\r\n"
            + "--b1\r\n"
            + "Content-Type: text/plain; charset=us-ascii\r\n"
            + "\r\n"
            + "Hello world\r\n"
            + "--b1\r\n"
            + "Content-Type: application/octet-stream\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "\r\n"
            + "AAEC\r\n"
            + "--b1--\r\n";

    private MessageFixtures() {
    }

    static String plain(int n) {
        return String.format(PLAIN, n, n, n);
    }

    /** An account {@code alice} whose INBOX holds {@code count} plain messages (UIDs 1..count). */
    static InMemoryMailStore store(int count) {
        InMemoryMailStore store = new InMemoryMailStore();
        store.addAccount("alice", "secret");
        for (int i = 1; i <= count; i++) {
            store.deliver("alice", "INBOX", plain(i));
        }
        return store;
    }

    /** A logged-in session that selected {@code mailbox} (with {@code SELECT} or {@code EXAMINE}), output drained. */
    static ImapHarness selected(InMemoryMailStore store, String command, String... enable) {
        ImapHarness c = new ImapHarness(store).login("alice", "secret");
        for (String e : enable) {
            c.send("e ENABLE " + e);
        }
        List<String> r = c.send("s " + command);
        if (!ImapHarness.last(r).startsWith("s OK")) {
            throw new AssertionError(command + " failed: " + r);
        }
        return c;
    }

    static ImapHarness selected(InMemoryMailStore store) {
        return selected(store, "SELECT INBOX");
    }

    /**
     * Another session of {@code alice} deletes and expunges message {@code seq} of INBOX, so that a session still
     * showing it must hold the EXPUNGE back while a command runs (RFC 3501 §7.4.1).
     */
    static void expungeInAnotherSession(InMemoryMailStore store, int seq) {
        ImapHarness other = selected(store);
        other.send("b1 STORE " + seq + " +FLAGS.SILENT (\\Deleted)");
        List<String> r = other.send("b2 EXPUNGE");
        if (!ImapHarness.last(r).startsWith("b2 OK")) {
            throw new AssertionError("EXPUNGE failed: " + r);
        }
    }
}
