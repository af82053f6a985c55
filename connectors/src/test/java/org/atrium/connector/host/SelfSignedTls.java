package org.atrium.connector.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A blocking-socket {@link SSLContext} for test servers (the fake remote MTA of the SMTP client tests), with a
 * certificate made the way Atrium makes its own self-signed one ({@link ServerTls#generateSelfSigned}), generated once
 * per JVM in a temporary directory.
 */
public final class SelfSignedTls {

    private static SSLContext context;

    private SelfSignedTls() {
    }

    /** A TLS 1.2/1.3 server context for {@code localhost} and 127.0.0.1. */
    public static synchronized SSLContext serverContext() {
        if (context == null) {
            try {
                Path dir = Files.createTempDirectory("atrium-test-tls");
                Path keystore = dir.resolve(ServerTls.SELF_SIGNED);
                Path password = dir.resolve(ServerTls.SELF_SIGNED_PASSWORD);
                ServerTls.generateSelfSigned(dir, keystore, password, "localhost");
                char[] pw = Files.readString(password, StandardCharsets.US_ASCII).strip().toCharArray();
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(keystore)) {
                    ks.load(in, pw);
                }
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pw);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(kmf.getKeyManagers(), null, null);
                context = ctx;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return context;
    }
}
