package org.atrium.connector.host;

import java.nio.file.Path;

/**
 * The connector settings, from the {@code atrium.*} system properties that the server configuration defines
 * (ear/src/main/cli/configure.cli; README "Settings"). Read once at start.
 *
 * <p>A port of 0 or less disables the implicit-TLS or submission listener it names (RFC 8314 §3.3, §7).
 * {@link #toString()} never shows the keystore password.
 *
 * @param imapsPort implicit-TLS IMAP (RFC 8314 §3.3), {@code atrium.imaps.port}
 * @param pop3sPort implicit-TLS POP3 (RFC 8314 §3.3), {@code atrium.pop3s.port}
 * @param submissionPort message submission (RFC 6409) with STARTTLS, {@code atrium.submission.port}; 0 disables it
 * @param submissionsPort submission over implicit TLS (RFC 8314 §3.3), {@code atrium.submissions.port}
 * @param plainAuthOnLoopback SMTP AUTH offered without TLS to loopback clients,
 *        {@code atrium.submission.plain-auth-loopback}
 * @param tlsKeystore the PKCS12 keystore, {@code atrium.tls.keystore}; null for the generated self-signed one
 * @param tlsKeystorePassword its password, {@code atrium.tls.keystore-password}; may be empty
 */
record HostSettings(String hostname, String bindAddress, int smtpPort, int pop3Port, int imapPort, int imapsPort,
        int pop3sPort, int submissionPort, int submissionsPort, boolean plainAuthOnLoopback, long maxMessageSize,
        Path dataDir, Path tlsKeystore, String tlsKeystorePassword) {

    static HostSettings fromSystemProperties() {
        String keystore = prop("atrium.tls.keystore", "");
        String password = System.getProperty("atrium.tls.keystore-password");
        return new HostSettings(
                prop("atrium.hostname", "localhost"),
                prop("atrium.bind.address", "127.0.0.1"),
                Integer.parseInt(prop("atrium.smtp.port", "2525")),
                Integer.parseInt(prop("atrium.pop3.port", "1110")),
                Integer.parseInt(prop("atrium.imap.port", "1143")),
                Integer.parseInt(prop("atrium.imaps.port", "1993")),
                Integer.parseInt(prop("atrium.pop3s.port", "1995")),
                Integer.parseInt(prop("atrium.submission.port", "2587")),
                Integer.parseInt(prop("atrium.submissions.port", "2465")),
                Boolean.parseBoolean(prop("atrium.submission.plain-auth-loopback", "false")),
                Long.parseLong(prop("atrium.message.max-size", "52428800")),
                Path.of(prop("atrium.data.dir", System.getProperty("java.io.tmpdir") + "/atrium")),
                keystore.isEmpty() ? null : Path.of(keystore),
                password == null ? "" : password);
    }

    private static String prop(String key, String fallback) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    @Override
    public String toString() {
        return "HostSettings[hostname=" + hostname + ", bindAddress=" + bindAddress + ", smtpPort=" + smtpPort
                + ", pop3Port=" + pop3Port + ", imapPort=" + imapPort + ", imapsPort=" + imapsPort + ", pop3sPort="
                + pop3sPort + ", submissionPort=" + submissionPort + ", submissionsPort=" + submissionsPort
                + ", plainAuthOnLoopback=" + plainAuthOnLoopback + ", maxMessageSize=" + maxMessageSize + ", dataDir="
                + dataDir + ", tlsKeystore=" + tlsKeystore + ", tlsKeystorePassword=***]";
    }
}
