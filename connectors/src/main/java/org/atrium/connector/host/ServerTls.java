package org.atrium.connector.host;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;

/**
 * The server's TLS context for STARTTLS (RFC 3207, RFC 2595 §4, RFC 3501 §6.2.1) and the implicit-TLS listeners
 * (RFC 8314), built once at start from a PKCS12 keystore.
 *
 * <p>The keystore is {@code atrium.tls.keystore} with {@code atrium.tls.keystore-password} when set. Otherwise it is
 * {@code <atrium.data.dir>/tls/atrium-selfsigned.p12}, generated at the first start by the JDK's own {@code keytool}
 * (EC P-256, 825 days, CN and SAN the host name plus localhost and 127.0.0.1) with a random password kept beside it in
 * {@code atrium-selfsigned.password}; both files are readable by the server's user only, and one WARNING line says a
 * self-signed certificate was generated and where. No password is ever logged or passed on a command line
 * ({@code keytool -storepass:env}).
 *
 * <p>Only TLS 1.2 and 1.3 are enabled (RFC 8996, RFC 8314 §4.1), on the JDK provider.
 */
final class ServerTls {

    private static final Logger LOG = System.getLogger("org.atrium.connector.host");
    static final String SELF_SIGNED = "atrium-selfsigned.p12";
    static final String SELF_SIGNED_PASSWORD = "atrium-selfsigned.password";
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final Pattern DNS_NAME =
            Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final long KEYTOOL_SECONDS = 120;

    private ServerTls() {
    }

    /** The context the settings name, generating the self-signed keystore first if needed. */
    static SslContext context(HostSettings s) throws IOException, GeneralSecurityException {
        Path keystore;
        char[] password;
        if (s.tlsKeystore() != null) {
            keystore = s.tlsKeystore();
            password = s.tlsKeystorePassword().toCharArray();
        } else {
            Path dir = s.dataDir().resolve("tls");
            keystore = dir.resolve(SELF_SIGNED);
            Path passwordFile = dir.resolve(SELF_SIGNED_PASSWORD);
            if (!Files.exists(keystore)) {
                generateSelfSigned(dir, keystore, passwordFile, s.hostname());
                LOG.log(Level.WARNING, "connector: no TLS keystore configured (atrium.tls.keystore); generated a "
                        + "self-signed certificate for {0} in {1}; clients will not trust it", s.hostname(), keystore);
            } else if (!Files.exists(passwordFile)) {
                throw new IOException("the self-signed keystore " + keystore + " has no password file "
                        + passwordFile + "; delete the keystore to have a new one generated");
            }
            password = Files.readString(passwordFile, StandardCharsets.US_ASCII).strip().toCharArray();
        }
        return context(keystore, password);
    }

    /** A server context with the first private key in the PKCS12 {@code keystore}; TLS 1.2+ only. */
    static SslContext context(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        if (!Files.isReadable(keystore)) {
            throw new IOException("the TLS keystore " + keystore + " does not exist or is not readable "
                    + "(atrium.tls.keystore)");
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password);
        } catch (IOException e) {
            throw new IOException("cannot read the TLS keystore " + keystore + " (wrong password or not PKCS12): "
                    + e.getMessage(), e);
        }
        boolean hasKey = false;
        for (String alias : Collections.list(ks.aliases())) {
            hasKey |= ks.isKeyEntry(alias);
        }
        if (!hasKey) {
            throw new GeneralSecurityException("the TLS keystore " + keystore + " holds no private key");
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        return SslContextBuilder.forServer(kmf).sslProvider(SslProvider.JDK).protocols(PROTOCOLS).build();
    }

    /**
     * Writes the password file, then has keytool write the keystore beside it under temporary names, and moves both
     * into place (password first), so a crash never leaves a keystore whose password is lost.
     */
    static void generateSelfSigned(Path dir, Path keystore, Path passwordFile, String hostname) throws IOException {
        Files.createDirectories(dir);
        ownerOnly(dir, "rwx------");
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path tmpPassword = dir.resolve(SELF_SIGNED_PASSWORD + ".tmp");
        Path tmpKeystore = dir.resolve(SELF_SIGNED + ".tmp");
        Files.deleteIfExists(tmpPassword);
        Files.deleteIfExists(tmpKeystore);
        Files.createFile(tmpPassword);
        ownerOnly(tmpPassword, "rw-------");
        Files.writeString(tmpPassword, password + "\n", StandardCharsets.US_ASCII);
        runKeytool(tmpKeystore, password, hostname);
        ownerOnly(tmpKeystore, "rw-------");
        move(tmpPassword, passwordFile);
        move(tmpKeystore, keystore);
    }

    private static void runKeytool(Path target, String password, String hostname) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                        ? "keytool.exe" : "keytool");
        String name = hostname != null && DNS_NAME.matcher(hostname).matches() ? hostname : "localhost";
        StringBuilder san = new StringBuilder("SAN=dns:").append(name);
        if (!name.equalsIgnoreCase("localhost")) {
            san.append(",dns:localhost");
        }
        san.append(",ip:127.0.0.1");
        List<String> cmd = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", "atrium",
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "825",
                "-dname", "CN=" + name, "-ext", san.toString(), "-storetype", "PKCS12",
                "-keystore", target.toString(), "-storepass:env", "ATRIUM_KEYTOOL_PASS", "-noprompt"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("ATRIUM_KEYTOOL_PASS", password);
        Process p = pb.start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        try {
            if (!p.waitFor(KEYTOOL_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("keytool did not finish in " + KEYTOOL_SECONDS + "s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while keytool generated the self-signed certificate", e);
        }
        if (p.exitValue() != 0 || !Files.exists(target)) {
            throw new IOException("keytool failed (exit " + p.exitValue() + ") generating " + target + ": " + output);
        }
    }

    private static void ownerOnly(Path path, String mode) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
