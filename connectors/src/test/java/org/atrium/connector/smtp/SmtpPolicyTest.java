package org.atrium.connector.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.atrium.connector.net.NetworkList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transport policy: routing loops (RFC 5321 §6.3), relay for trusted networks (§3.6.2, §7.1), unqualified recipients,
 * EXPN (§3.5.2), connections per address (§3.8, §4.2.2), messages per sender, DNS block lists (RFC 5782).
 */
class SmtpPolicyTest {

    private static final byte[] REMOTE = {(byte) 192, 0, 2, 1};
    private static final byte[] TRUSTED = {10, 1, 2, 3};
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    @TempDir
    Path spool;

    private SmtpSettings settings() {
        return SmtpHarness.settings(spool);
    }

    private static SmtpHarness greeted(SmtpHarness h) {
        h.replies();
        h.send("EHLO client.test");
        h.replies();
        return h;
    }

    private SmtpHarness mx(SmtpSettings settings, byte[] ip) {
        return greeted(new SmtpHarness(settings, false, ip, SmtpGuards.of(settings, Clock.systemUTC())));
    }

    private static String received(int i) {
        return "Received: from hop" + i + ".example by hop" + (i + 1) + ".example; Tue, 2 Jan 2024 03:04:05 +0000";
    }

    private static void sendMessage(SmtpHarness h, List<String> lines) {
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA");
        assertEquals(List.of("250 2.1.0 Ok", "250 2.1.5 Ok", "354 End data with <CR><LF>.<CR><LF>"), h.replies());
        h.send(lines.toArray(String[]::new));
        h.send(".");
    }

    // ---- loops ----

    @Test
    void fiftyReceivedFieldsPassFiftyOneAreALoop() {
        SmtpHarness h = mx(settings(), REMOTE);
        List<String> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(received(i));
        }
        fifty.addAll(List.of("Subject: far travelled", "", "body"));
        sendMessage(h, fifty);
        assertEquals("250 2.0.0 Ok: queued as Q1", h.reply());

        List<String> looping = new ArrayList<>(List.of("X-First: 1"));
        for (int i = 0; i < 51; i++) {
            looping.add(i % 2 == 0 ? received(i) : "rEcEiVeD : from x by y; Tue, 2 Jan 2024 03:04:05 +0000");
            looping.add("\tfolded continuation; not a field");
        }
        looping.addAll(List.of("Subject: loop", "", "body"));
        sendMessage(h, looping);
        assertEquals("554 5.4.6 Routing loop detected", h.reply());
        assertEquals(1, h.intake.accepted.size(), "nothing of the looping message is accepted");

        sendMessage(h, List.of("Subject: after", "", "fine"));
        assertEquals("250 2.0.0 Ok: queued as Q2", h.reply(), "the session goes on");
    }

    @Test
    void receivedLinesInTheBodyAndLookalikesAreNotCounted() {
        SmtpHarness h = mx(settings().withMaxReceivedHeaders(2), REMOTE);
        List<String> lines = new ArrayList<>(List.of(received(0), "Received-SPF: pass", "X-Received: by x",
                "Receivedx: y", received(1), "Subject: s", ""));
        for (int i = 0; i < 10; i++) {
            lines.add(received(i));
        }
        sendMessage(h, lines);
        assertEquals("250 2.0.0 Ok: queued as Q1", h.reply());
    }

    @Test
    void loopIsSeenWhenTheClientSendsOneByteAtATime() {
        SmtpHarness h = mx(settings().withMaxReceivedHeaders(3), REMOTE);
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA");
        h.replies();
        h.rawByteByByte(received(1) + "\r\n" + received(2) + "\r\n" + received(3) + "\r\n" + received(4)
                + "\r\n\r\nbody\r\n.\r\n");
        assertEquals("554 5.4.6 Routing loop detected", h.reply());
        assertTrue(h.intake.accepted.isEmpty());
    }

    @Test
    void receivedFieldRecognition() {
        assertTrue(DataCommand.isReceivedField("Received: x".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(DataCommand.isReceivedField("RECEIVED\t:x".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(DataCommand.isReceivedField("Received".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(DataCommand.isReceivedField("Received-SPF: x".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(DataCommand.isReceivedField(" Received: x".getBytes(StandardCharsets.US_ASCII)));
    }

    // ---- relay and unqualified recipients ----

    @Test
    void trustedNetworksMayRelayLoopbackIsNotTrustedByDefault() {
        SmtpSettings trusting = settings().withTrustedNetworks(NetworkList.parse("10.0.0.0/8, 2001:db8::/32"));
        SmtpHarness trusted = mx(trusting, TRUSTED);
        trusted.send("MAIL FROM:<a@example.org>", "RCPT TO:<someone@elsewhere.example>");
        assertEquals(List.of("250 2.1.0 Ok", "250 2.1.5 Ok"), trusted.replies());

        for (byte[] ip : new byte[][] {REMOTE, LOOPBACK}) {
            SmtpHarness h = mx(trusting, ip);
            h.send("MAIL FROM:<a@example.org>", "RCPT TO:<someone@elsewhere.example>");
            assertEquals(List.of("250 2.1.0 Ok", "550 5.7.1 <someone@elsewhere.example>: Relaying denied"),
                    h.replies());
        }
        SmtpHarness loopback = mx(settings(), LOOPBACK);
        loopback.send("MAIL FROM:<a@example.org>", "RCPT TO:<someone@elsewhere.example>");
        assertEquals("550 5.7.1 <someone@elsewhere.example>: Relaying denied", loopback.replies().get(1));
    }

    @Test
    void unqualifiedRecipientOfATrustedClientGetsTheDefaultDomain() {
        SmtpSettings s = settings().withTrustedNetworks(NetworkList.parse("10.0.0.0/8"))
                .withDefaultDomain("atrium.test");
        SmtpHarness h = mx(s, TRUSTED);
        h.send("MAIL FROM:<a@example.org>", "RCPT TO:<al> NOTIFY=NEVER", "RCPT TO:<nobody>", "RCPT TO:<Postmaster>");
        assertEquals(List.of("250 2.1.0 Ok", "250 2.1.5 Ok",
                "550 5.1.1 <nobody@atrium.test>: Recipient address rejected: User unknown", "250 2.1.5 Ok"),
                h.replies());
        assertTrue(h.intake.checked.contains("al@atrium.test"));
        assertTrue(h.intake.checked.contains("postmaster"), "postmaster keeps its RFC 5321 §4.5.1 meaning");
    }

    @Test
    void unqualifiedRecipientIsRefusedOtherwise() {
        SmtpHarness untrusted = mx(settings().withTrustedNetworks(NetworkList.parse("10.0.0.0/8"))
                .withDefaultDomain("atrium.test"), REMOTE);
        untrusted.send("MAIL FROM:<a@example.org>", "RCPT TO:<alice>");
        assertEquals("501 5.1.3 Bad recipient address syntax", untrusted.replies().get(1));
        SmtpHarness noDefault = mx(settings().withTrustedNetworks(NetworkList.parse("10.0.0.0/8")), TRUSTED);
        noDefault.send("MAIL FROM:<a@example.org>", "RCPT TO:<alice>");
        assertEquals("501 5.1.3 Bad recipient address syntax", noDefault.replies().get(1));
    }

    @Test
    void unqualifiedRecipientOfAnAuthenticatedClientGetsTheUsersDomain() {
        SmtpSettings s = settings().withDefaultDomain("other.example");
        SmtpHarness h = greeted(new SmtpHarness(s, true, LOOPBACK, SmtpGuards.of(s, Clock.systemUTC())));
        h.send("AUTH PLAIN " + Base64.getEncoder().encodeToString(
                "\0alice@atrium.test\0secret".getBytes(StandardCharsets.UTF_8)));
        assertEquals("235 2.7.0 Authentication successful", h.reply());
        h.send("MAIL FROM:<alice@atrium.test>", "RCPT TO:<bob>");
        assertEquals(List.of("250 2.1.0 Ok", "250 2.1.5 Ok"), h.replies());
        assertEquals("bob@atrium.test", h.intake.checked.get(h.intake.checked.size() - 1));
        h.send("MAIL FROM:<alice>");
        assertTrue(h.reply().startsWith("503 "), "MAIL is never completed (and here a transaction is open)");
    }

    // ---- EXPN ----

    @Test
    void expnIsRefusedByDefaultAndExpandsListsWhenEnabled() {
        SmtpHarness off = mx(settings(), REMOTE);
        off.send("EXPN team@atrium.test");
        assertEquals("502 5.5.1 EXPN disabled by policy", off.reply());

        SmtpHarness on = new SmtpHarness(settings().withExpnEnabled(true));
        on.replies();
        on.send("EHLO client.test");
        assertTrue(on.replies().contains("250-EXPN"));
        on.send("EXPN <team@atrium.test>");
        assertEquals(List.of("250-2.1.5 Alice Example <alice@atrium.test>", "250 2.1.5 <bob@atrium.test>"),
                on.replies());
        on.send("EXPN alice@atrium.test");
        assertEquals("550 5.1.1 <alice@atrium.test>: Not a mailing list here", on.reply());
        on.send("EXPN");
        assertEquals("501 5.5.4 Syntax: EXPN list", on.reply());
    }

    // ---- connections per address ----

    @Test
    void connectionOverTheLimitGets421AndIsClosedAcrossListeners() {
        SmtpSettings s = settings().withMaxConnectionsPerIp(2);
        SmtpGuards guards = SmtpGuards.of(s, Clock.systemUTC());
        SmtpHarness first = new SmtpHarness(s, false, LOOPBACK, guards);
        assertEquals("220 mx.atrium.test ESMTP Atrium", first.reply());
        SmtpHarness second = new SmtpHarness(s, true, LOOPBACK, guards);
        assertEquals("220 mx.atrium.test ESMTP Atrium", second.reply(), "submission shares the count");
        SmtpHarness third = new SmtpHarness(s, false, LOOPBACK, guards);
        assertEquals("421 4.7.0 mx.atrium.test Too many connections from your address", third.reply());
        assertTrue(third.output.closed());
        third.session.onClose();
        assertEquals(2, guards.connections().openFrom("127.0.0.1"), "the refused one held no slot");

        SmtpHarness other = new SmtpHarness(s, false, REMOTE, guards);
        assertEquals("220 mx.atrium.test ESMTP Atrium", other.reply());

        first.send("QUIT");
        first.session.onClose();
        first.session.onClose();
        assertEquals(1, guards.connections().openFrom("127.0.0.1"), "given back once");
        SmtpHarness again = new SmtpHarness(s, false, LOOPBACK, guards);
        assertEquals("220 mx.atrium.test ESMTP Atrium", again.reply());
    }

    // ---- messages per sender ----

    @Test
    void messagesPerSenderPerMinute() {
        SmtpSettings s = settings().withMaxMessagesPerMinute(2);
        SmtpGuards guards = SmtpGuards.of(s, Clock.systemUTC());
        SmtpHarness one = greeted(new SmtpHarness(s, false, REMOTE, guards));
        SmtpHarness two = greeted(new SmtpHarness(s, false, TRUSTED, guards));
        one.send("MAIL FROM:<a@example.org>", "RSET", "MAIL FROM:<A@example.org>", "RSET");
        assertEquals(List.of("250 2.1.0 Ok", "250 2.0.0 Ok", "250 2.1.0 Ok", "250 2.0.0 Ok"), one.replies());
        two.send("MAIL FROM:<a@example.org>");
        assertEquals("450 4.7.1 Too many messages from a@example.org, try again later", two.reply(),
                "shared by all sessions");
        two.send("MAIL FROM:<b@example.org>", "RSET", "MAIL FROM:<>", "RSET", "MAIL FROM:<>", "RSET", "MAIL FROM:<>");
        assertEquals(List.of("250 2.1.0 Ok", "250 2.0.0 Ok", "250 2.1.0 Ok", "250 2.0.0 Ok", "250 2.1.0 Ok",
                "250 2.0.0 Ok", "450 4.7.1 Too many messages from [10.1.2.3], try again later"), two.replies(),
                "the null sender is counted by client address");
        one.send("MAIL FROM:<>");
        assertEquals("250 2.1.0 Ok", one.reply());
    }

    @Test
    void authenticatedSendersAreCountedByUser() {
        SmtpSettings s = settings().withMaxMessagesPerMinute(1);
        SmtpHarness h = greeted(new SmtpHarness(s, true, LOOPBACK, SmtpGuards.of(s, Clock.systemUTC())));
        h.send("AUTH PLAIN " + Base64.getEncoder().encodeToString(
                "\0alice@atrium.test\0secret".getBytes(StandardCharsets.UTF_8)));
        h.replies();
        h.send("MAIL FROM:<alice@atrium.test>", "RSET", "MAIL FROM:<bob@atrium.test>");
        assertEquals(List.of("250 2.1.0 Ok", "250 2.0.0 Ok",
                "450 4.7.1 Too many messages from alice@atrium.test, try again later"), h.replies());
    }

    // ---- DNS block lists ----

    private static SmtpGuards dnsblGuards(SmtpSettings s, List<String> asked) {
        return SmtpGuards.of(s, Clock.systemUTC(), name -> {
            asked.add(name);
            if (name.endsWith(".broken.example")) {
                throw new java.io.IOException("timed out");
            }
            if (name.equals("1.2.0.192.bl.example")) {
                return List.of(InetAddress.getByAddress(new byte[] {127, 0, 0, 2}));
            }
            if (name.equals("1.2.0.192.odd.example")) {
                return List.of(InetAddress.getByAddress(new byte[] {10, 0, 0, 2}));
            }
            return List.of();
        });
    }

    @Test
    void listedClientIsGreetedWith554AndMayOnlyQuit() {
        SmtpSettings s = settings().withDnsblZones(List.of("broken.example", "odd.example", "bl.example"));
        List<String> asked = new ArrayList<>();
        SmtpHarness h = new SmtpHarness(s, false, REMOTE, dnsblGuards(s, asked));
        assertEquals("554 5.7.1 Service unavailable; client [192.0.2.1] blocked using bl.example", h.reply());
        assertEquals(List.of("1.2.0.192.broken.example", "1.2.0.192.odd.example", "1.2.0.192.bl.example"), asked,
                "a failed zone and an answer outside 127/8 do not list; the next zone is asked");
        h.send("EHLO client.test", "MAIL FROM:<a@example.org>", "NOOP", "BOGUS");
        List<String> replies = h.replies();
        assertEquals(4, replies.size());
        assertTrue(replies.stream().allMatch(r -> r.startsWith("503 5.5.1 ")), replies.toString());
        h.send("QUIT");
        assertEquals("221 2.0.0 Bye", h.reply());
        assertTrue(h.output.closed());
    }

    @Test
    void unlistedFailedLoopbackAndSubmissionClientsAreServed() {
        SmtpSettings s = settings().withDnsblZones(List.of("bl.example", "broken.example"));
        List<String> asked = new ArrayList<>();
        SmtpHarness unlisted = new SmtpHarness(s, false, TRUSTED, dnsblGuards(s, asked));
        assertEquals("220 mx.atrium.test ESMTP Atrium", unlisted.reply(), "look-up failures accept");
        assertEquals(List.of("3.2.1.10.bl.example", "3.2.1.10.broken.example"), asked);
        asked.clear();
        SmtpHarness loopback = new SmtpHarness(s, false, LOOPBACK, dnsblGuards(s, asked));
        assertEquals("220 mx.atrium.test ESMTP Atrium", loopback.reply());
        SmtpHarness submission = new SmtpHarness(s, true, REMOTE, dnsblGuards(s, asked));
        assertEquals("220 mx.atrium.test ESMTP Atrium", submission.reply(), "submission is not checked");
        assertTrue(asked.isEmpty(), "loopback and submission clients are never looked up");
    }
}
