package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.atrium.connector.smtp.client.RemoteMta;
import org.junit.jupiter.api.Test;

/**
 * The outbound queue end to end (issue #4, ADR 0010): a message submitted for a remote domain is relayed to the next
 * hop, retried after a temporary failure, and returned with a DSN (RFC 3464) after a permanent one.
 *
 * <p>Needs the server configured with {@code ATRIUM_RELAY_ROUTES=queue.remote.test=[127.0.0.1]:<port>} and a short
 * retry schedule ({@code ATRIUM_QUEUE_RETRY_SCHEDULE=2s}); failsafe passes the port as {@code atrium.it.relay.port}.
 */
class OutboundQueueIT {

    private static final String REMOTE = "queue.remote.test";

    private static int relayPort() {
        return ItEnv.port("relay");
    }

    private static void submit(String user, String password, String to, String subject) throws Exception {
        MailTools.submit(user, password, to, subject, "Outbound queue test.\n");
    }

    @Test
    void aTemporaryFailureIsRetriedAndThenRelayed() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("qretry", pw);
        String subject = "retry " + UUID.randomUUID();
        try (RemoteMta mta = RemoteMta.start(relayPort())) {
            mta.dataEndReplies("451 4.3.0 try again later");
            submit(user, pw, "far@" + REMOTE, subject);
            List<RemoteMta.Transaction> t = mta.awaitTransactions(2, Duration.ofSeconds(60));
            assertEquals(user, t.get(0).mailFrom());
            assertTrue(t.get(0).reply().startsWith("451"), t.get(0).reply());
            assertEquals(List.of("far@" + REMOTE), t.get(1).acceptedRcpts());
            assertTrue(t.get(1).reply().startsWith("250"), t.get(1).reply());
            assertTrue(t.get(1).dataAsString().contains(subject), "the same message, sent again");
        }
        Thread.sleep(3000);
        assertEquals(0, MailTools.pop3Count(user, pw), "no DSN for a message that was relayed in the end");
    }

    @Test
    void aPermanentFailureIsReturnedToTheSenderWithADsn() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("qbounce", pw);
        String subject = "bounce " + UUID.randomUUID();
        try (RemoteMta mta = RemoteMta.start(relayPort())) {
            mta.rcptReply("nobody@" + REMOTE, "550 5.1.1 no such user here");
            submit(user, pw, "nobody@" + REMOTE, subject);
            MailTools.awaitMessages(user, pw, 1, Duration.ofSeconds(60));
        }
        try (var store = MailTools.imapStore(user, pw)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message dsn = inbox.getMessage(1);
            assertTrue(dsn.isMimeType("multipart/report"), dsn.getContentType());
            assertTrue(dsn.getContentType().toLowerCase().contains("report-type=delivery-status"),
                    dsn.getContentType());
            assertEquals("auto-replied", dsn.getHeader("Auto-Submitted")[0]);
            Multipart parts = (Multipart) dsn.getContent();
            assertEquals(3, parts.getCount());
            ByteArrayOutputStream status = new ByteArrayOutputStream();
            parts.getBodyPart(1).getInputStream().transferTo(status);
            String s = status.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(s.contains("Final-Recipient: rfc822; nobody@" + REMOTE), s);
            assertTrue(s.contains("Action: failed"), s);
            assertTrue(s.contains("Status: 5.1.1"), s);
            assertTrue(s.contains("Diagnostic-Code: smtp; 550 5.1.1 no such user here"), s);
            ByteArrayOutputStream original = new ByteArrayOutputStream();
            parts.getBodyPart(2).getInputStream().transferTo(original);
            assertTrue(original.toString(java.nio.charset.StandardCharsets.UTF_8).contains(subject),
                    "the original comes back");
            inbox.close(false);
        }
    }
}
