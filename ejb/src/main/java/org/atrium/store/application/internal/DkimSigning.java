package org.atrium.store.application.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.james.jdkim.DKIMCommon;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.api.BodyHasher;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.impl.Message;
import org.apache.james.mime4j.MimeException;

/**
 * DKIM signing (RFC 6376 §5) as Atrium does it: rsa-sha256, relaxed/relaxed canonicalization (§3.4.2, §3.4.4),
 * signing the fields a reader sees and replies by ({@link #SIGNED}, only those present, From always and once more
 * than present: §5.4, §8.15), the
 * whole body (no {@code l=}). The header section is held in memory, the body streams through the hash.
 */
public final class DkimSigning {

    /** The fields signed when present, in this order (RFC 6376 §5.4.1's recommendation, less the trace fields). */
    public static final List<String> SIGNED = List.of("From", "To", "Cc", "Subject", "Date", "Message-ID",
            "MIME-Version", "Content-Type", "Reply-To", "In-Reply-To", "References");

    /** RSA keys below 1024 bits must not be used (RFC 8301 §3.2); 2048 is what large providers publish. */
    public static final int KEY_BITS = 2048;

    private static final int HEADER_LIMIT = 1024 * 1024;

    private DkimSigning() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(KEY_BITS);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** The private key from its PKCS#8 encoding in base64, as the store keeps it. */
    public static PrivateKey privateKey(String pkcs8Base64) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored DKIM key cannot be read", e);
        }
    }

    /** The TXT record value for the selector (RFC 6376 §3.6.1): the SubjectPublicKeyInfo in base64. */
    public static String record(PublicKey key) {
        return record(Base64.getEncoder().encodeToString(key.getEncoded()));
    }

    public static String record(String publicKeyBase64) {
        return "v=DKIM1; k=rsa; p=" + publicKeyBase64;
    }

    /**
     * The field folded for readers (RFC 5322 §2.2.3: lines of 78 octets or less): a line per tag, and the b= value in
     * pieces. Safe after signing: the tags were separated by "; ", which relaxed canonicalization (RFC 6376 §3.4.2)
     * makes of ";" CR LF TAB too, and white space in b= is ignored, since b= is taken out before hashing (§3.5).
     */
    static String fold(String field) {
        String[] tags = field.split("; ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tags.length; i++) {
            if (i > 0) {
                out.append(";\r\n\t");
            }
            String tag = tags[i];
            if (tag.startsWith("b=")) {
                String value = tag.substring(2).replaceAll("\\s", "");
                out.append("b=");
                for (int j = 0; j < value.length(); j += 70) {
                    out.append(j == 0 ? "" : "\r\n\t ").append(value, j, Math.min(value.length(), j + 70));
                }
            } else {
                out.append(tag);
            }
        }
        return out.toString();
    }

    /**
     * The {@code DKIM-Signature} field, ending in CR LF, for {@code message} (lines ending in CR LF).
     *
     * @param now the signature timestamp ({@code t=})
     */
    public static String sign(String domain, String selector, PrivateKey key, InputStream message, Instant now)
            throws IOException {
        InputStream in = new BufferedInputStream(message, 65536);
        HeaderSection header = HeaderSection.read(in, HEADER_LIMIT);
        if (!header.complete()) {
            throw new IOException("header section larger than " + HEADER_LIMIT + " octets");
        }
        List<String> names = new ArrayList<>();
        for (String name : SIGNED) {
            if (name.equals("From") || header.has(name)) {
                names.add(name.toLowerCase(java.util.Locale.ROOT));
            }
        }
        // From once more than it occurs ("oversigned", RFC 6376 §8.15): a second From added on the way breaks the
        // signature instead of being shown to the reader next to the signed one.
        names.add("from");
        String template = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector + "; t="
                + now.getEpochSecond() + "; h=" + String.join(":", names) + "; bh=; b=;";
        try {
            DKIMSigner signer = new DKIMSigner(template, key);
            Message headers = new Message(new ByteArrayInputStream(header.raw()));
            BodyHasher body = signer.newBodyHasher(signer.newSignatureRecordTemplate(template));
            DKIMCommon.streamCopy(in, body.getOutputStream());
            return fold(signer.sign(headers, body).strip()) + "\r\n";
        } catch (FailException | MimeException e) {
            throw new IOException("cannot sign: " + e.getMessage(), e);
        }
    }
}
