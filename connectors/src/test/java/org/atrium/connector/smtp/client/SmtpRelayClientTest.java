package org.atrium.connector.smtp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atrium.connector.smtp.client.RecipientResult.Outcome;
import org.atrium.connector.smtp.client.RemoteMta.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound client against {@link RemoteMta}: what it sends, and how each reply decides each recipient. */
class SmtpRelayClientTest {

    private static final String MESSAGE = "Subject: hi\r\n\r\nHello.\r\n";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private RemoteMta mta;

    @BeforeEach
    void start() throws IOException {
        mta = RemoteMta.start();
    }

    @AfterEach
    void stop() {
        mta.close();
    }

    /** Routes remote.example to the fake MTA; short time-outs; more key/value pairs override. */
    private SmtpRelayClient client(String... more) {
        Map<String, String> p = new HashMap<>();
        p.put("atrium.hostname", "mail.atrium.test");
        p.put("atrium.relay.routes", "remote.example=" + mta.route());
        p.put("atrium.relay.connect-timeout-seconds", "2");
        p.put("atrium.relay.command-timeout-seconds", "2");
        p.put("atrium.relay.data-timeout-seconds", "2");
        p.put("atrium.dns.servers", "127.0.0.1:9");
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return new SmtpRelayClient(RelaySettings.from(p::get));
    }

    private static OutboundEnvelope envelope(String... rcpts) {
        return new OutboundEnvelope("alice@atrium.test", null, null,
                java.util.Arrays.stream(rcpts).map(OutboundRecipient::of).toList(), false, MESSAGE.length());
    }

    private static RemoteDelivery.Content content(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return () -> new ByteArrayInputStream(bytes);
    }

    private static List<Outcome> outcomes(DeliveryReport r) {
        return r.results().stream().map(RecipientResult::outcome).toList();
    }

    @Test
    void pipelinedTransactionDeliversAndSendsEverythingInOneGo() throws Exception {
        DeliveryReport r = client().deliver("remote.example", envelope("bob@remote.example", "carol@remote.example"),
                content(MESSAGE));
        assertEquals(List.of(Outcome.DELIVERED, Outcome.DELIVERED), outcomes(r), r.toString());
        assertEquals("127.0.0.1 [127.0.0.1]", r.remote());
        assertTrue(r.dsnPassedOn());
        assertTrue(r.results().get(0).reply().startsWith("250 2.0.0"), r.toString());
        Transaction t = mta.awaitTransactions(1, WAIT).get(0);
        assertTrue(t.pipelined(), "MAIL, RCPTs and DATA went in one write");
        assertEquals("mail.atrium.test", t.helo());
        assertEquals("alice@atrium.test", t.mailFrom());
        assertEquals("SIZE=" + MESSAGE.length(), t.mailParams());
        assertEquals(List.of("bob@remote.example", "carol@remote.example"), t.acceptedRcpts());
        assertEquals(MESSAGE, t.dataAsString());
        assertTrue(mta.commands().contains("QUIT"), mta.commands().toString());
    }

    @Test
    void withoutPipeliningCommandsGoOneByOne() throws Exception {
        mta.ehloKeywords("8BITMIME");
        DeliveryReport r = client().deliver("remote.example", envelope("bob@remote.example"), content(MESSAGE));
        assertEquals(List.of(Outcome.DELIVERED), outcomes(r));
        Transaction t = mta.awaitTransactions(1, WAIT).get(0);
        assertFalse(t.pipelined(), "the client waited for the MAIL reply");
        assertEquals("", t.mailParams(), "no SIZE= to a server that does not offer SIZE");
        assertFalse(r.dsnPassedOn());
    }

    @Test
    void eachRecipientIsDecidedByItsRcptReply() throws Exception {
        mta.rcptReply("gone@remote.example", "550 5.1.1 no such user")
                .rcptReply("busy@remote.example", "452 4.2.2 mailbox full");
        DeliveryReport r = client().deliver("remote.example",
                envelope("gone@remote.example", "bob@remote.example", "busy@remote.example"), content(MESSAGE));
        assertEquals(List.of(Outcome.PERMANENT, Outcome.DELIVERED, Outcome.TEMPORARY), outcomes(r));
        assertEquals("550 5.1.1 no such user", r.results().get(0).reply());
        assertEquals("452 4.2.2 mailbox full", r.results().get(2).reply());
        assertEquals(List.of("bob@remote.example"), mta.awaitTransactions(1, WAIT).get(0).acceptedRcpts());
    }

    @Test
    void noAcceptedRecipientMeansNoContent() throws Exception {
        mta.rcptReply("gone@remote.example", "550 5.1.1 no such user");
        for (boolean pipelining : new boolean[] {true, false}) {
            mta.ehloKeywords(pipelining ? new String[] {"PIPELINING"} : new String[0]);
            mta.clear();
            DeliveryReport r = client().deliver("remote.example", envelope("gone@remote.example"),
                    content(MESSAGE));
            assertEquals(List.of(Outcome.PERMANENT), outcomes(r));
            assertTrue(mta.transactions().isEmpty(), "no data went out");
            assertTrue(mta.commands().contains("RSET"), mta.commands().toString());
            assertEquals(pipelining, mta.commands().contains("DATA"), mta.commands().toString());
        }
    }

    @Test
    void theEndOfDataReplyDecidesTheAcceptedRecipients() throws Exception {
        mta.dataEndReplies("451 4.3.0 try later", "554 5.6.0 rejected content")
                .dataEndRepliesFor("carol@remote.example", "452 4.3.1 carol's own");
        SmtpRelayClient client = client();
        DeliveryReport own = client.deliver("remote.example", envelope("carol@remote.example"), content(MESSAGE));
        assertEquals("452 4.3.1 carol's own", own.results().get(0).reply());
        DeliveryReport later = client.deliver("remote.example", envelope("bob@remote.example"), content(MESSAGE));
        assertEquals(List.of(Outcome.TEMPORARY), outcomes(later));
        assertEquals("451 4.3.0 try later", later.results().get(0).reply());
        DeliveryReport never = client.deliver("remote.example", envelope("bob@remote.example"), content(MESSAGE));
        assertEquals(List.of(Outcome.PERMANENT), outcomes(never));
        DeliveryReport ok = client.deliver("remote.example", envelope("bob@remote.example"), content(MESSAGE));
        assertEquals(List.of(Outcome.DELIVERED), outcomes(ok));
    }

    @Test
    void startTlsIsUsedWhenOffered() throws Exception {
        mta.ehloKeywords("STARTTLS", "PIPELINING", "SIZE 100000");
        DeliveryReport r = client().deliver("remote.example", envelope("bob@remote.example"), content(MESSAGE));
        assertEquals(List.of(Outcome.DELIVERED), outcomes(r), r.toString());
        assertTrue(r.tls());
        Transaction t = mta.awaitTransactions(1, WAIT).get(0);
        assertTrue(t.tls());
        assertEquals("mail.atrium.test", t.helo(), "EHLO again after STARTTLS");
        assertEquals(MESSAGE, t.dataAsString());
    }

    @Test
    void startTlsOffSendsInPlainText() throws Exception {
        mta.ehloKeywords("STARTTLS");
        DeliveryReport r = client("atrium.relay.starttls", "off").deliver("remote.example",
                envelope("bob@remote.example"), content(MESSAGE));
        assertEquals(List.of(Outcome.DELIVERED), outcomes(r));
        assertFalse(mta.awaitTransactions(1, WAIT).get(0).tls());
        assertFalse(mta.commands().contains("STARTTLS"));
    }

    @Test
    void failedHandshakeFallsBackToPlainTextOnceInOpportunisticMode() throws Exception {
        mta.ehloKeywords("STARTTLS", "PIPELINING").brokenTls(true);
        DeliveryReport r = client().deliver("remote.example", envelope("bob@remote.example"), content(MESSAGE));
        assertEquals(List.of(Outcome.DELIVERED), outcomes(r), r.toString());
        assertFalse(r.tls());
        assertEquals(2, mta.connections());
        assertFalse(mta.awaitTransactions(1, WAIT).get(0).tls());
    }

    @Test
    void verifiedTlsRefusesAnUntrustedCertificateAndFallsBack() throws Exception {
        mta.ehloKeywords("STARTTLS", "PIPELINING");
        DeliveryReport r = client("atrium.relay.tls-verify", "true").deliver("remote.example",
                envelope("bob@remote.example"), content(MESSAGE));
        assertEquals(List.of(Outcome.DELIVERED), outcomes(r), r.toString());
        assertFalse(r.tls(), "the self-signed certificate was not trusted");
        assertEquals(2, mta.connections());

        DeliveryReport required = client("atrium.relay.tls-verify", "true", "atrium.relay.starttls", "required")
                .deliver("remote.example", envelope("bob@remote.example"), content(MESSAGE));
        assertEquals(List.of(Outcome.TEMPORARY), outcomes(required), required.toString());
    }

    @Test
    void requiredTlsIsATemporaryFailureWithoutIt() throws Exception {
        mta.ehloKeywords("PIPELINING");
        DeliveryReport r = client("atrium.relay.starttls", "required").deliver("remote.example",
                envelope("bob@remote.example"), content(MESSAGE));
        assertEquals(List.of(Outcome.TEMPORARY), outcomes(r));
        assertTrue(r.results().get(0).reply().startsWith("451 4.7.4 "), r.toString());
        assertTrue(mta.transactions().isEmpty());

        mta.ehloKeywords("STARTTLS").brokenTls(true);
        DeliveryReport broken = client("atrium.relay.starttls", "required").deliver("remote.example",
                envelope("bob@remote.example"), content(MESSAGE));
        assertEquals(List.of(Outcome.TEMPORARY), outcomes(broken));
        assertTrue(broken.results().get(0).reply().startsWith("451 4.7.5 "), broken.toString());
    }

    @Test
    void aMessageOverTheAdvertisedSizeIsRefusedForEveryone() throws Exception {
        mta.ehloKeywords("SIZE 10");
        DeliveryReport r = client().deliver("remote.example", envelope("bob@remote.example", "carol@remote.example"),
                content(MESSAGE));
        assertEquals(List.of(Outcome.PERMANENT, Outcome.PERMANENT), outcomes(r));
        assertTrue(r.results().get(0).reply().startsWith("552 5.3.4 "), r.toString());
        assertFalse(mta.commands().stream().anyMatch(c -> c.startsWith("MAIL")), mta.commands().toString());
    }

    @Test
    void dsnParametersOnlyToAServerThatOffersDsn() throws Exception {
        OutboundEnvelope env = new OutboundEnvelope("alice@atrium.test", "QQ314159", "HDRS",
                List.of(new OutboundRecipient("bob@remote.example", "SUCCESS,FAILURE", "rfc822;bob@remote.example")),
                true, MESSAGE.length());
        mta.ehloKeywords("DSN", "8BITMIME");
        client().deliver("remote.example", env, content(MESSAGE));
        Transaction with = mta.awaitTransactions(1, WAIT).get(0);
        assertEquals("BODY=8BITMIME RET=HDRS ENVID=QQ314159", with.mailParams());
        assertEquals("NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;bob@remote.example", with.rcpts().get(0).params());

        mta.clear();
        mta.ehloKeywords("8BITMIME");
        DeliveryReport r = client().deliver("remote.example", env, content(MESSAGE));
        assertFalse(r.dsnPassedOn());
        Transaction without = mta.awaitTransactions(1, WAIT).get(0);
        assertEquals("BODY=8BITMIME", without.mailParams());
        assertEquals("", without.rcpts().get(0).params());
    }

    @Test
    void contentIsDotStuffedAndGetsCrlfLineEnds() throws Exception {
        String text = "Subject: dots\n\n.leading dot\r\n..two\rbare CR\n.\nlast line without end";
        DeliveryReport r = client().deliver("remote.example", envelope("bob@remote.example"), content(text));
        assertEquals(List.of(Outcome.DELIVERED), outcomes(r));
        Transaction t = mta.awaitTransactions(1, WAIT).get(0);
        assertEquals("Subject: dots\r\n\r\n..leading dot\r\n...two\r\nbare CR\r\n..\r\nlast line without end\r\n",
                new String(t.raw(), StandardCharsets.UTF_8));
        assertEquals("Subject: dots\r\n\r\n.leading dot\r\n..two\r\nbare CR\r\n.\r\nlast line without end\r\n",
                t.dataAsString());
    }

    @Test
    void heloWhenEhloIsRefused() throws Exception {
        mta.ehloReply("502 5.5.1 EHLO not implemented");
        DeliveryReport r = client().deliver("remote.example", envelope("bob@remote.example"), content(MESSAGE));
        assertEquals(List.of(Outcome.DELIVERED), outcomes(r));
        assertTrue(mta.commands().contains("HELO mail.atrium.test"), mta.commands().toString());
        assertEquals("", mta.awaitTransactions(1, WAIT).get(0).mailParams());
    }

    @Test
    void firstMxDownSecondMxUsed() throws Exception {
        try (FakeDns dns = new FakeDns()) {
            // 127.0.0.2 is loopback too, but nothing listens there on the fake MTA's port.
            dns.mx("mx.example", 10, "down.mx.example").a("down.mx.example", "127.0.0.2")
                    .mx("mx.example", 20, "up.mx.example").a("up.mx.example", "127.0.0.1");
            DeliveryReport r = client("atrium.dns.servers", dns.server(), "atrium.relay.port",
                    Integer.toString(mta.port())).deliver("mx.example", envelope("bob@mx.example"), content(MESSAGE));
            assertEquals(List.of(Outcome.DELIVERED), outcomes(r), r.toString());
            assertEquals("up.mx.example [127.0.0.1]", r.remote());
        }
    }

    @Test
    void undecidedRecipientsGoToTheNextMx() throws Exception {
        try (FakeDns dns = new FakeDns(); RemoteMta second = RemoteMta.start("127.0.0.2", mta.port())) {
            dns.mx("two.example", 10, "first.two.example").a("first.two.example", "127.0.0.1")
                    .mx("two.example", 20, "second.two.example").a("second.two.example", "127.0.0.2");
            SmtpRelayClient client = client("atrium.dns.servers", dns.server(), "atrium.relay.port",
                    Integer.toString(mta.port()));

            // The first MX refuses one recipient for good and then never answers the end of data.
            mta.rcptReply("gone@two.example", "550 5.1.1 no such user").stallAt("DATA_END");
            DeliveryReport r = client.deliver("two.example", envelope("gone@two.example", "bob@two.example"),
                    content(MESSAGE));
            assertEquals(List.of(Outcome.PERMANENT, Outcome.DELIVERED), outcomes(r), r.toString());
            assertEquals("second.two.example [127.0.0.2]", r.remote());
            assertEquals(List.of("bob@two.example"), second.awaitTransactions(1, WAIT).get(0).acceptedRcpts());

            // A temporary refusal of MAIL FROM is the host's problem too.
            mta.stallAt(null).mailReply("421 4.7.0 too busy");
            second.clear();
            DeliveryReport busy = client.deliver("two.example", envelope("carol@two.example"), content(MESSAGE));
            assertEquals(List.of(Outcome.DELIVERED), outcomes(busy), busy.toString());
            assertEquals(1, second.awaitTransactions(1, WAIT).size());
        }
    }

    @Test
    void allHostsDownIsTemporaryWithTheReason() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        DeliveryReport r = client("atrium.relay.routes", "remote.example=[127.0.0.1]:" + closed)
                .deliver("remote.example", envelope("bob@remote.example"), content(MESSAGE));
        assertEquals(List.of(Outcome.TEMPORARY), outcomes(r));
        assertEquals("451 4.4.1 connection refused by 127.0.0.1 [127.0.0.1]", r.results().get(0).reply());
        assertNull(r.remote());
    }

    @Test
    void aSilentServerTimesOut() throws Exception {
        mta.stallAt("DATA_END");
        DeliveryReport r = client().deliver("remote.example", envelope("bob@remote.example"), content(MESSAGE));
        assertEquals(List.of(Outcome.TEMPORARY), outcomes(r));
        assertEquals("451 4.4.2 timeout after end of data at 127.0.0.1 [127.0.0.1]", r.results().get(0).reply());

        mta.stallAt("CONNECT");
        DeliveryReport greeting = client().deliver("remote.example", envelope("bob@remote.example"),
                content(MESSAGE));
        assertTrue(greeting.results().get(0).reply().startsWith("451 4.4.2 timeout after connect"),
                greeting.toString());
    }

    @Test
    void neverDeliversToItself() throws Exception {
        DeliveryReport r = client("atrium.smtp.port", Integer.toString(mta.port())).deliver("remote.example",
                envelope("bob@remote.example"), content(MESSAGE));
        assertEquals(List.of(Outcome.PERMANENT), outcomes(r));
        assertTrue(r.results().get(0).reply().startsWith("550 5.4.6 "), r.toString());
        assertEquals(0, mta.connections());
    }

    @Test
    void aPermanentMailFromRefusalDecidesEveryone() throws Exception {
        mta.mailReply("550 5.7.1 sender blocked");
        DeliveryReport r = client().deliver("remote.example", envelope("bob@remote.example", "carol@remote.example"),
                content(MESSAGE));
        assertEquals(List.of(Outcome.PERMANENT, Outcome.PERMANENT), outcomes(r));
        assertEquals("550 5.7.1 sender blocked", r.results().get(1).reply());
    }

    @Test
    void multiLineRepliesAreJoined() throws Exception {
        mta.rcptReply("bob@remote.example", "550-5.1.1 no such user\r\n550 5.1.1 see https://remote.test/help");
        DeliveryReport r = client().deliver("remote.example", envelope("bob@remote.example"), content(MESSAGE));
        assertEquals("550 5.1.1 no such user 5.1.1 see https://remote.test/help", r.results().get(0).reply());
    }
}
