package org.atrium.connector.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keystore settings: a configured PKCS12 keystore, and the refusals an operator gets when it is wrong. */
class ServerTlsTest {

    @TempDir
    Path dir;

    private static HostSettings settings(Path dataDir, Path keystore, String password) {
        return new HostSettings("mail.atrium.test", "127.0.0.1", 0, 0, 0, 0, 0, 0, 0, false, 1, dataDir, keystore,
                password);
    }

    /** A keystore made the way an operator would: here, the generated one, named explicitly. */
    private Path[] generated() throws IOException {
        Path tls = dir.resolve("gen");
        ServerTls.generateSelfSigned(tls, tls.resolve("k.p12"), tls.resolve("k.pw"), "mail.atrium.test");
        return new Path[] {tls.resolve("k.p12"), tls.resolve("k.pw")};
    }

    @Test
    void configuredKeystoreIsUsedAndNothingIsGenerated() throws Exception {
        Path[] ks = generated();
        String pw = Files.readString(ks[1], StandardCharsets.US_ASCII).strip();
        Path data = dir.resolve("data");
        assertNotNull(ServerTls.context(settings(data, ks[0], pw)));
        assertFalse(Files.exists(data.resolve("tls")), "no self-signed keystore when one is configured");
    }

    @Test
    void wrongPasswordOrMissingFileFailsWithTheReasonAndNoPassword() throws Exception {
        Path[] ks = generated();
        IOException wrong = assertThrows(IOException.class,
                () -> ServerTls.context(settings(dir, ks[0], "not-the-password")));
        assertTrue(wrong.getMessage().contains(ks[0].toString()) && wrong.getMessage().contains("wrong password"),
                wrong.getMessage());
        assertFalse(wrong.getMessage().contains("not-the-password"), wrong.getMessage());
        IOException missing = assertThrows(IOException.class,
                () -> ServerTls.context(settings(dir, dir.resolve("none.p12"), "x")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void settingsNeverPrintThePassword() {
        String shown = settings(dir, dir.resolve("k.p12"), "s3cret-Pw").toString();
        assertFalse(shown.contains("s3cret-Pw"), shown);
        assertTrue(shown.contains("tlsKeystorePassword=***"), shown);
    }

    @Test
    void aGeneratedKeystoreWithoutItsPasswordFileIsRefused() throws Exception {
        ServerTls.context(settings(dir, null, ""));
        Files.delete(dir.resolve("tls").resolve(ServerTls.SELF_SIGNED_PASSWORD));
        IOException e = assertThrows(IOException.class, () -> ServerTls.context(settings(dir, null, "")));
        assertTrue(e.getMessage().contains("delete the keystore"), e.getMessage());
    }
}
