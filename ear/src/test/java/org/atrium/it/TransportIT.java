package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.atrium.connector.smtp.client.RemoteMta;
import org.atrium.connector.smtp.client.RemoteMta.Transaction;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.SignatureRecord;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outbound transport against the deployed server (issue #4): relay refusal on the MX port, authenticated submission
 * relayed to a remote MTA, retries on the schedule, DSNs (RFC 3464) for failures, delays and expiry, and the
 * tracking log.
 *
 * <p>Assumptions about the server under test (the lead sets them in ear/pom.xml's failsafe/server environment):
 * <ul>
 * <li>{@code ATRIUM_RELAY_ROUTES=*=[127.0.0.1]:<it.relay.port>}: every domain not hosted here goes to the
 * {@link RemoteMta} this test starts on that port (so no DNS is involved);</li>
 * <li>{@code ATRIUM_QUEUE_RETRY_SCHEDULE=2s}, {@code ATRIUM_QUEUE_LIFETIME=20s},
 * {@code ATRIUM_QUEUE_DELAY_WARNING=8s};</li>
 * <li>the submission reply ends in {@code "queued as <queue id>"}; {@code GET /api/v1/tracking?queueId=<id>} (as
 * the administrator) answers a JSON array of objects with at least {@code event} (a {@code TrackingEvent.Kind}
 * name), in the order they happened;</li>
 * <li>DSNs go to the sender's INBOX as {@code multipart/report; report-type=delivery-status} with
 * {@code Action: failed} / {@code Action: delayed} per recipient (RFC 3464 §2.3.3).</li>
 * </ul>
 * Recipients are unique per test, and each test scripts the fake MTA per recipient, so the tests do not see each
 * other's deliveries or retries.
 */
class TransportIT {

    private static final int REMOTE_PORT = ItEnv.port("relay");
    private static final Duration RELAY_WAIT = Duration.ofSeconds(30);

    private static RemoteMta remote;

    @BeforeAll
    static void startRemote() throws Exception {
        remote = RemoteMta.start(REMOTE_PORT);
        remote.ehloKeywords("PIPELINING", "SIZE 52428800", "8BITMIME", "DSN");
    }

    @AfterAll
    static void stopRemote() {
        if (remote != null) {
            remote.close();
        }
    }

    /** RFC 5321 §3.6.2 / §7.1: the MX port does not relay for strangers. */
    @Test
    void relayIsRefusedWithoutAuthOnTheMxPort() throws Exception {
        String rcpt = AdminClient.unique("relay") + "@remote.example";
        List<String> replies = MailTools.smtpReplies("stranger@elsewhere.example", rcpt,
                "Subject: relay?\r\n\r\nplease relay\r\n");
        assertTrue(replies.get(0).startsWith("250"), replies.toString());
        assertTrue(replies.get(1).startsWith("550 5.7.1"), replies.toString());
        Thread.sleep(1000);
        assertTrue(remote.transactions().stream().noneMatch(t -> t.acceptedRcpts().contains(rcpt)),
                "nothing reached the remote MTA");
    }

    @Test
    void authenticatedSubmissionArrivesAtTheRemoteMta() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("trsub", pw);
        String rcpt = AdminClient.unique("bob") + "@remote.example";
        String subject = "relay " + UUID.randomUUID();
        submit(user, pw, rcpt, subject);
        Transaction t = awaitAccepted(rcpt, "250", RELAY_WAIT);
        assertEquals(user, t.mailFrom());
        String data = t.dataAsString();
        assertTrue(data.startsWith("Received: ") || data.contains("\r\nReceived: "), data);
        assertTrue(data.contains("Subject: " + subject), data);

        // RFC 6376: mail leaving for another server carries the sender domain's DKIM signature, and it verifies
        // against the record the administrator publishes (GET /domains/{d}/dkim).
        String domain = user.substring(user.indexOf('@') + 1);
        AdminClient.Reply key = AdminClient.asAdmin("GET", "/domains/" + domain + "/dkim", null);
        assertEquals(200, key.status(), key.toString());
        String record = String.valueOf(Json.object(key.body()).get("recordValue"));
        PublicKeyRecordRetriever published = (method, selector, token) -> List.of(record);
        List<SignatureRecord> signatures = new DKIMVerifier(published).verify(new ByteArrayInputStream(t.data()));
        assertEquals(1, signatures.size(), data);
        assertEquals(domain, signatures.get(0).getDToken().toString());
    }

    @Test
    void deferredTwiceThenRelayedOnTheThirdAttempt() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("trretry", pw);
        String rcpt = AdminClient.unique("carol") + "@remote.example";
        remote.dataEndRepliesFor(rcpt, "451 4.3.0 later", "451 4.3.0 later");
        String queueId = submit(user, pw, rcpt, "retry " + UUID.randomUUID());
        awaitAccepted(rcpt, "250", RELAY_WAIT);
        assertEquals(3, transactionsFor(rcpt).size(), "two deferrals, then the delivery");

        List<String> events = awaitEvent(queueId, "RELAYED", RELAY_WAIT);
        assertEquals(2, events.stream().filter("DEFERRED"::equals).count(), events.toString());
        assertTrue(events.lastIndexOf("DEFERRED") < events.indexOf("RELAYED"), events.toString());
    }

    @Test
    void refusedRecipientGivesExactlyOneFailureDsn() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("trdsn", pw);
        String rcpt = AdminClient.unique("dave") + "@remote.example";
        remote.rcptReply(rcpt, "550 5.1.1 no such user here");
        submit(user, pw, rcpt, "bounce " + UUID.randomUUID());
        MailTools.awaitMessages(user, pw, 1, RELAY_WAIT);
        Thread.sleep(5000);
        List<String> inbox = inbox(user, pw);
        assertEquals(1, inbox.size(), "exactly one DSN: " + inbox);
        String dsn = inbox.get(0);
        assertTrue(dsn.contains("multipart/report") && dsn.contains("delivery-status"), dsn);
        assertTrue(dsn.contains("Action: failed"), dsn);
        assertTrue(dsn.contains("5.1.1"), dsn);
        assertTrue(dsn.contains(rcpt), dsn);
    }

    @Test
    void aDomainThatAlwaysDefersExpiresWithDelayAndFailureDsns() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("trexp", pw);
        String rcpt = AdminClient.unique("erin") + "@b.example";
        remote.rcptReply(rcpt, "451 4.2.0 try again later");
        String queueId = submit(user, pw, rcpt, "expire " + UUID.randomUUID());

        List<String> events = awaitEvent(queueId, "EXPIRED", Duration.ofSeconds(60));
        assertTrue(events.contains("DEFERRED"), events.toString());
        assertTrue(events.contains("DELAYED") && events.indexOf("DELAYED") < events.indexOf("EXPIRED"),
                events.toString());
        MailTools.awaitMessages(user, pw, 2, RELAY_WAIT);
        List<String> inbox = inbox(user, pw);
        assertEquals(2, inbox.size(), inbox.toString());
        assertTrue(inbox.get(0).contains("Action: delayed"), inbox.get(0));
        assertTrue(inbox.get(1).contains("Action: failed"), inbox.get(1));
        assertTrue(remote.transactions().stream().noneMatch(t -> t.acceptedRcpts().contains(rcpt)));
    }

    /**
     * The two-company case of the reference lab: companies A and B each run a mail server, and B's is set to "no
     * relay" (Atrium's default: no trusted networks, RFC 5321 §3.6.2). Atrium is B's server; the loopback MTA is A's.
     * A user at A mails a user at B (A's server delivers to B's MX port): delivered. A user at B mails a user at A
     * through B's server after logging in (submission, RFC 6409/4954): relayed to A. An outsider tries to relay
     * through B to A: refused with 550 5.7.1.
     */
    @Test
    void twoCompaniesWhereBDoesNotRelay() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String userAtB = AdminClient.newUser("labb", pw);
        String userAtA = AdminClient.unique("laba") + "@company-a.example";

        List<String> fromA = MailTools.smtpReplies(userAtA, userAtB,
                "From: <" + userAtA + ">\r\nSubject: from A\r\n\r\nHello B, this is A.\r\n");
        assertEquals(4, fromA.size(), fromA.toString());
        assertTrue(fromA.get(3).startsWith("250"), fromA.toString());
        MailTools.awaitMessages(userAtB, pw, 1, RELAY_WAIT);
        assertTrue(inbox(userAtB, pw).get(0).contains("Hello B, this is A."));

        submit(userAtB, pw, userAtA, "from B " + UUID.randomUUID());
        Transaction t = awaitAccepted(userAtA, "250", RELAY_WAIT);
        assertEquals(userAtB, t.mailFrom());

        String victim = AdminClient.unique("victim") + "@company-a.example";
        List<String> outsider = MailTools.smtpReplies("mallory@outsider.example", victim,
                "Subject: relay me\r\n\r\nspam\r\n");
        assertTrue(outsider.get(1).startsWith("550 5.7.1"), outsider.toString());
        Thread.sleep(1000);
        assertTrue(transactionsFor(victim).isEmpty(), "nothing relayed for the outsider");
    }

    /** Submits over STARTTLS + AUTH (RFC 6409, RFC 3207, RFC 4954) and returns the queue id of the 250 reply. */
    private static String submit(String user, String pw, String rcpt, String subject) throws Exception {
        return MailTools.queueId(MailTools.submit(user, pw, rcpt, subject, "Sent to a remote domain by TransportIT.\n"));
    }

    private static List<Transaction> transactionsFor(String rcpt) {
        return remote.transactions().stream().filter(t -> t.acceptedRcpts().contains(rcpt)).toList();
    }

    /** Waits for a transaction that accepted {@code rcpt} and whose end of data was answered with {@code code}. */
    private static Transaction awaitAccepted(String rcpt, String code, Duration max) throws InterruptedException {
        Instant deadline = Instant.now().plus(max);
        while (Instant.now().isBefore(deadline)) {
            for (Transaction t : transactionsFor(rcpt)) {
                if (t.reply().startsWith(code)) {
                    return t;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no transaction for " + rcpt + " answered " + code + " within " + max
                + "; remote saw: " + remote.commands());
    }

    /** Polls the tracking log of {@code queueId} until {@code event} shows; returns the events in order. */
    private static List<String> awaitEvent(String queueId, String event, Duration max) throws InterruptedException {
        Instant deadline = Instant.now().plus(max);
        List<String> events = List.of();
        while (Instant.now().isBefore(deadline)) {
            AdminClient.Reply r = AdminClient.asAdmin("GET", "/tracking?queueId=" + AdminClient.enc(queueId), null);
            assertEquals(200, r.status(), r.toString());
            List<String> seen = new ArrayList<>();
            for (Map<String, Object> e : Json.array(r.body())) {
                seen.add(String.valueOf(e.get("event")));
            }
            java.util.Collections.reverse(seen); // the API answers newest first; the assertions read in time order
            events = seen;
            if (events.contains(event)) {
                return events;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + event + " for queue id " + queueId + " within " + max + ": " + events);
    }

    /** The raw messages of the INBOX, oldest first, over IMAP. */
    private static List<String> inbox(String user, String pw) throws Exception {
        List<String> out = new ArrayList<>();
        try (IMAPStore store = MailTools.imapStore(user, pw)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                for (Message m : inbox.getMessages()) {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    m.writeTo(b);
                    out.add(b.toString(StandardCharsets.UTF_8));
                }
            } finally {
                inbox.close(false);
            }
        }
        return out;
    }
}
