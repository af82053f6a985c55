package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DKIM signatures (RFC 6376 §5) checked by jdkim's verifier (§6) against a fake key record look-up. */
class DkimSigningTest {

    private static final String MESSAGE = "From: Alice <alice@atrium.test>\r\n" + "To: bob@example.org\r\n"
            + "Subject: the plan\r\n" + "Date: Wed, 2 Dec 2026 02:00:00 +0000\r\n"
            + "Message-ID: <m1@atrium.test>\r\n" + "X-Mailer: whatever\r\n" + "\r\n" + "Hi Bob,\r\n\r\n"
            + "see you at eight.\r\n";

    private static KeyPair pair;

    @BeforeAll
    static void keys() {
        pair = DkimSigning.generate();
    }

    private static String sign(String message) throws IOException {
        return DkimSigning.sign("atrium.test", "atrium202612", pair.getPrivate(),
                new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)), Instant.now());
    }

    private static List<SignatureRecord> verify(String message, String record) throws Exception {
        PublicKeyRecordRetriever dns = (method, selector, token) -> {
            String r = Map.of("atrium202612._domainkey.atrium.test", record).get(selector + "._domainkey." + token);
            return r == null ? List.of() : List.of(r);
        };
        return new DKIMVerifier(dns).verify(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String record() {
        return DkimSigning.record(pair.getPublic());
    }

    @Test
    void signatureVerifies() throws Exception {
        String field = sign(MESSAGE);
        assertTrue(field.startsWith("DKIM-Signature:"), field);
        assertTrue(field.endsWith("\r\n"), field);
        List<SignatureRecord> ok = verify(field + MESSAGE, record());
        assertEquals(1, ok.size());
        SignatureRecord s = ok.get(0);
        assertEquals("atrium.test", s.getDToken().toString());
        assertEquals("atrium202612", s.getSelector().toString());
        assertEquals("rsa", s.getHashKeyType().toString());
        assertEquals("sha-256", s.getHashAlgo().toString());
        assertEquals("relaxed", s.getHeaderCanonicalisationMethod());
        assertEquals("relaxed", s.getBodyCanonicalisationMethod());
        assertEquals(List.of("from", "to", "subject", "date", "message-id", "from"),
                s.getHeaders().stream().map(h -> h.toString().toLowerCase()).toList(),
                "only the listed fields that are present, From oversigned; X-Mailer is not signed");
    }

    @Test
    void relaxedCanonicalizationToleratesWhitespaceChanges() throws Exception {
        String field = sign(MESSAGE);
        String refolded = MESSAGE.replace("Subject: the plan", "Subject:   the\r\n   plan")
                .replace("see you at eight.", "see  you at eight.   ") + "\r\n\r\n";
        assertEquals(1, verify(field + refolded, record()).size());
    }

    @Test
    void changesToSignedContentFail() throws Exception {
        String field = sign(MESSAGE);
        assertThrows(FailException.class, () -> verify(field + MESSAGE.replace("eight", "nine"), record()));
        assertThrows(FailException.class, () -> verify(field + MESSAGE.replace("the plan", "the new plan"),
                record()));
        KeyPair other = DkimSigning.generate();
        assertThrows(FailException.class, () -> verify(field + MESSAGE, DkimSigning.record(other.getPublic())));
        // Unsigned fields may change (trace fields are added on the way).
        assertEquals(1, verify("Received: from somewhere\r\n" + field + MESSAGE.replace("whatever", "else"),
                record()).size());
    }

    @Test
    void fromIsAlwaysSignedAndAddedFieldsBreakTheSignature() throws Exception {
        String minimal = "From: alice@atrium.test\r\n\r\nbody\r\n";
        String field = sign(minimal);
        assertTrue(field.replaceAll("\\s", "").contains("h=from:from;"), field);
        assertEquals(1, verify(field + minimal, record()).size());
        // From is oversigned: a second From added on the way does not pass as the signed one (RFC 6376 §8.15).
        assertThrows(FailException.class, () -> verify(field + "From: mallory@evil.example\r\n" + minimal,
                record()));
    }

    @Test
    void storedPrivateKeyRoundTrips() throws Exception {
        String stored = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        String field = DkimSigning.sign("atrium.test", "atrium202612", DkimSigning.privateKey(stored),
                new ByteArrayInputStream(MESSAGE.getBytes(StandardCharsets.ISO_8859_1)), Instant.now());
        assertEquals(1, verify(field + MESSAGE, record()).size());
        assertTrue(record().startsWith("v=DKIM1; k=rsa; p=MII"), record());
        assertFalse(record().contains("\n"));
    }
}
