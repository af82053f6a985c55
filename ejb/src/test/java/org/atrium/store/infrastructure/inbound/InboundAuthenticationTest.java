package org.atrium.store.infrastructure.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.exceptions.TempFailException;
import org.apache.james.jspf.core.DNSRequest;
import org.apache.james.jspf.core.DNSService;
import org.apache.james.jspf.core.exceptions.TimeoutException;
import org.atrium.connector.smtp.InboundEnvelope;
import org.atrium.connector.smtp.MessageData;
import org.atrium.store.application.internal.DkimSigning;
import org.junit.jupiter.api.Test;

/** SPF (RFC 7208) and DKIM (RFC 6376) results as recorded on the stored message (RFC 7208 §9.1, RFC 8601). */
class InboundAuthenticationTest {

    private static final String HOST = "mx.atrium.test";

    private static final String MESSAGE = "Received: from client.example.org by mx.atrium.test; Wed, 2 Dec 2026\r\n"
            + "From: Bob <bob@example.org>\r\n" + "To: alice@atrium.test\r\n" + "Subject: hello\r\n"
            + "Date: Wed, 2 Dec 2026 02:00:00 +0000\r\n" + "Message-ID: <1@example.org>\r\n" + "\r\n"
            + "Hello Alice,\r\n\r\nthe body.\r\n";

    /** A DNS with the records given, by "TYPE name"; the name "slow.example" times out. */
    static class FakeDns implements DNSService {
        private final Map<String, List<String>> records;
        final List<String> asked = new ArrayList<>();

        FakeDns(Map<String, List<String>> records) {
            this.records = records;
        }

        @Override
        public List<String> getRecords(DNSRequest request) throws TimeoutException {
            String type = switch (request.getRecordType()) {
                case DNSRequest.A -> "A";
                case DNSRequest.AAAA -> "AAAA";
                case DNSRequest.MX -> "MX";
                case DNSRequest.PTR -> "PTR";
                case DNSRequest.TXT -> "TXT";
                default -> "SPF";
            };
            String name = request.getHostname().replaceAll("\\.$", "").toLowerCase();
            synchronized (asked) {
                asked.add(type + " " + name);
            }
            if (name.endsWith("slow.example")) {
                throw new TimeoutException("no answer from " + name);
            }
            // Like jspf's dnsjava service: null when the name has no records of the type.
            return records.get(type + " " + name);
        }

        @Override
        public CompletionStage<List<String>> getRecordsAsync(DNSRequest request) {
            try {
                return CompletableFuture.completedFuture(getRecords(request));
            } catch (TimeoutException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public List<String> getLocalDomainNames() {
            return List.of(HOST);
        }

        @Override
        public void setTimeOut(int seconds) {
        }

        @Override
        public int getRecordLimit() {
            return 10;
        }

        @Override
        public void setRecordLimit(int limit) {
        }
    }

    private static final FakeDns DNS = new FakeDns(Map.of(
            "TXT example.org", List.of("v=spf1 ip4:192.0.2.0/24 -all"),
            "TXT soft.example", List.of("v=spf1 ip4:192.0.2.10 ~all"),
            "TXT neutral.example", List.of("v=spf1 ?all"),
            "TXT broken.example", List.of("v=spf1 ip4:192.0.2.300 bogus-mechanism -all"),
            "TXT helo.example.org", List.of("v=spf1 a -all"),
            "A helo.example.org", List.of("198.51.100.7")));

    static MessageData data(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new MessageData() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    static InboundEnvelope envelope(String ip, String helo, String from, String user) {
        return new InboundEnvelope(helo, ip, from, List.of("alice@atrium.test"), user, false, Instant.now(), "s1");
    }

    static String read(MessageData d) throws IOException {
        try (InputStream in = d.open()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static InboundAuthentication spfOnly() {
        return new InboundAuthentication(HOST, DNS, null, Duration.ofSeconds(5));
    }

    private static String spfResult(String ip, String helo, String from) {
        return spfOnly().spf(envelope(ip, helo, from, null)).result();
    }

    @Test
    void spfResultsFollowThePublishedPolicy() {
        assertEquals("pass", spfResult("192.0.2.33", "client.example.org", "bob@example.org"));
        assertEquals("fail", spfResult("203.0.113.5", "client.example.org", "bob@example.org"));
        assertEquals("softfail", spfResult("203.0.113.5", "client.example.org", "x@soft.example"));
        assertEquals("neutral", spfResult("203.0.113.5", "client.example.org", "x@neutral.example"));
        assertEquals("none", spfResult("203.0.113.5", "client.example.org", "x@unpublished.example"));
        assertEquals("permerror", spfResult("203.0.113.5", "client.example.org", "x@broken.example"));
        assertEquals("temperror", spfResult("203.0.113.5", "client.example.org", "x@slow.example"));
    }

    @Test
    void nullSenderIsCheckedByItsHeloIdentity() {
        assertEquals("pass", spfResult("198.51.100.7", "helo.example.org", ""));
        assertEquals("fail", spfResult("203.0.113.5", "helo.example.org", ""));
        String block = spfOnly().headers(envelope("203.0.113.5", "helo.example.org", "", null), data(MESSAGE));
        assertTrue(block.contains("identity=helo;"), block);
        assertTrue(block.contains("spf=fail smtp.helo=helo.example.org"), block);
        assertTrue(block.contains("postmaster@helo.example.org"), block);
    }

    @Test
    void receivedSpfAndAuthenticationResultsAreWellFormed() {
        String block = spfOnly().headers(envelope("192.0.2.33", "client.example.org", "bob@example.org", null),
                data(MESSAGE));
        assertEquals("Received-SPF: pass (mx.atrium.test: domain of bob@example.org designates 192.0.2.33 as "
                + "permitted sender)\r\n\tclient-ip=192.0.2.33; envelope-from=\"bob@example.org\"; "
                + "helo=client.example.org; identity=mailfrom; receiver=mx.atrium.test;\r\n"
                + "Authentication-Results: mx.atrium.test;\r\n\tspf=pass smtp.mailfrom=bob@example.org\r\n", block);
    }

    @Test
    void clientTextCannotInjectHeaderLines() {
        String block = spfOnly().headers(envelope("192.0.2.33", "evil\r\nX-Injected: yes", "bob@example.org", null),
                data(MESSAGE));
        assertFalse(block.contains("\r\nX-Injected"), block);
        for (String line : block.split("\r\n")) {
            assertTrue(line.startsWith("\t") || line.startsWith("Received-SPF:")
                    || line.startsWith("Authentication-Results:"), line);
        }
    }

    @Test
    void authenticatedSubmissionIsNotEvaluated() {
        InboundAuthentication auth = new InboundAuthentication(HOST, DNS, (m, s, t) -> List.of(),
                Duration.ofSeconds(5));
        MessageData d = data(MESSAGE);
        assertSame(d, auth.apply(envelope("127.0.0.1", "localhost", "alice@atrium.test", "alice@atrium.test"), d));
    }

    @Test
    void bothChecksOffLeavesTheMessageAlone() {
        MessageData d = data(MESSAGE);
        assertSame(d, new InboundAuthentication(HOST, null, null, Duration.ofSeconds(5))
                .apply(envelope("192.0.2.1", "h", "bob@example.org", null), d));
    }

    private static String signed(KeyPair pair, String selector, String message) throws IOException {
        return DkimSigning.sign("example.org", selector, pair.getPrivate(),
                new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)), Instant.now()) + message;
    }

    /** Key records by "selector._domainkey.domain". */
    private static PublicKeyRecordRetriever keys(Map<String, String> records) {
        return (method, selector, token) -> {
            String name = selector + "._domainkey." + token;
            if (token.toString().endsWith("slow.example")) {
                throw new TempFailException("no answer from " + name);
            }
            String r = records.get(name);
            return r == null ? List.of() : List.of(r);
        };
    }

    @Test
    void dkimSignatureVerifiesAndTamperingFails() throws IOException {
        KeyPair pair = DkimSigning.generate();
        InboundAuthentication auth = new InboundAuthentication(HOST, null,
                keys(Map.of("sel1._domainkey.example.org", DkimSigning.record(pair.getPublic()))),
                Duration.ofSeconds(5));
        InboundEnvelope env = envelope("192.0.2.33", "client.example.org", "bob@example.org", null);
        String message = signed(pair, "sel1", MESSAGE);

        String ok = auth.headers(env, data(message));
        assertTrue(ok.contains("dkim=pass header.d=example.org header.i=@example.org header.s=sel1"), ok);
        assertFalse(ok.contains("Received-SPF"), "SPF is off");

        String tamperedBody = auth.headers(env, data(message.replace("the body.", "the b0dy.")));
        assertTrue(tamperedBody.contains("dkim=fail"), tamperedBody);
        String tamperedSubject = auth.headers(env, data(message.replace("Subject: hello", "Subject: hullo")));
        assertTrue(tamperedSubject.contains("dkim=fail"), tamperedSubject);

        String noKey = new InboundAuthentication(HOST, null, keys(Map.of()), Duration.ofSeconds(5))
                .headers(env, data(message));
        assertTrue(noKey.contains("dkim=fail reason=\"no key for signature\""), noKey);

        String unsigned = auth.headers(env, data(MESSAGE));
        assertTrue(unsigned.contains("dkim=none"), unsigned);
    }

    @Test
    void dkimKeyLookupFailureIsTemperror() throws IOException {
        KeyPair pair = DkimSigning.generate();
        String message = DkimSigning.sign("slow.example", "s", pair.getPrivate(),
                new ByteArrayInputStream(MESSAGE.getBytes(StandardCharsets.ISO_8859_1)), Instant.now()) + MESSAGE;
        String block = new InboundAuthentication(HOST, null, keys(Map.of()), Duration.ofSeconds(5))
                .headers(envelope("192.0.2.33", "h.example", "bob@example.org", null), data(message));
        assertTrue(block.contains("dkim=temperror"), block);
    }

    @Test
    void storedMessageHasResultsFirstAndNoForgedResults() throws IOException {
        String incoming = "Return-Path: <bob@example.org>\r\nReceived: from client.example.org by mx.atrium.test\r\n"
                + "Authentication-Results: mx.atrium.test; spf=pass smtp.mailfrom=bob@example.org\r\n"
                + "Authentication-Results: MX.Atrium.Test (forged);\r\n\tdkim=pass header.d=bank.example\r\n"
                + "Authentication-Results: relay.example.org; spf=pass smtp.mailfrom=bob@example.org\r\n"
                + "From: bob@example.org\r\nSubject: Authentication-Results: mx.atrium.test\r\n\r\n"
                + "Authentication-Results: mx.atrium.test; body text stays\r\n";
        InboundAuthentication auth = spfOnly();
        MessageData stored = auth.apply(envelope("203.0.113.5", "client.example.org", "bob@example.org", null),
                data(incoming));
        String text = read(stored);
        assertTrue(text.startsWith("Return-Path: <bob@example.org>\r\nReceived-SPF: fail (mx.atrium.test: "), text);
        int ours = text.indexOf("Authentication-Results: mx.atrium.test;\r\n\tspf=fail");
        int received = text.indexOf("Received: from client.example.org");
        assertTrue(ours > 0 && ours < received, text);
        assertEquals(1, count(text.substring(0, text.indexOf("\r\n\r\n")).toLowerCase(),
                "\nauthentication-results: mx.atrium.test"), "only ours claims our name: " + text);
        assertFalse(text.toLowerCase().contains("(forged)"), text);
        assertTrue(text.contains("Authentication-Results: relay.example.org; spf=pass"), "others' results stay");
        assertTrue(text.contains("Subject: Authentication-Results: mx.atrium.test\r\n"), "not a field of that name");
        assertTrue(text.endsWith("\r\n\r\nAuthentication-Results: mx.atrium.test; body text stays\r\n"), text);
        assertEquals(text.length(), stored.size());
        assertEquals(text, read(stored), "open() can be called again");
    }

    @Test
    void resultsGoBelowALeadingReturnPathOnly() throws IOException {
        InboundAuthentication auth = spfOnly();
        InboundEnvelope env = envelope("192.0.2.33", "client.example.org", "bob@example.org", null);
        String folded = read(auth.apply(env, data("Return-Path:\r\n <bob@example.org>\r\nReceived: x\r\n\r\nb\r\n")));
        assertTrue(folded.startsWith("Return-Path:\r\n <bob@example.org>\r\nReceived-SPF: pass "), folded);
        String none = read(auth.apply(env, data("Received: x\r\nReturn-Path: <bob@example.org>\r\n\r\nb\r\n")));
        assertTrue(none.startsWith("Received-SPF: pass "), none);
        assertTrue(none.endsWith("\r\nReceived: x\r\nReturn-Path: <bob@example.org>\r\n\r\nb\r\n"), none);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void spfTimeBudgetBoundsTheWait() {
        DNSService hanging = new FakeDns(Map.of()) {
            @Override
            public List<String> getRecords(DNSRequest request) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of();
            }
        };
        InboundAuthentication auth = new InboundAuthentication(HOST, hanging, null, Duration.ofSeconds(1));
        long start = System.nanoTime();
        String block = auth.headers(envelope("192.0.2.1", "client.example.org", "bob@example.org", null),
                data(MESSAGE));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 3000, "took " + ms + " ms");
        assertTrue(block.startsWith("Received-SPF: temperror "), block);
        assertTrue(block.contains("spf=temperror"), block);
    }
}
