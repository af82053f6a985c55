package org.atrium.connector.host;

import java.nio.file.Path;

/**
 * The connector settings, from the {@code atrium.*} system properties that the server configuration defines
 * (ear/src/main/cli/configure.cli; README "Settings"). Read once at start.
 */
record HostSettings(String hostname, String bindAddress, int smtpPort, int pop3Port, int imapPort, long maxMessageSize,
        Path dataDir) {

    static HostSettings fromSystemProperties() {
        return new HostSettings(
                prop("atrium.hostname", "localhost"),
                prop("atrium.bind.address", "127.0.0.1"),
                Integer.parseInt(prop("atrium.smtp.port", "2525")),
                Integer.parseInt(prop("atrium.pop3.port", "1110")),
                Integer.parseInt(prop("atrium.imap.port", "1143")),
                Long.parseLong(prop("atrium.message.max-size", "52428800")),
                Path.of(prop("atrium.data.dir", System.getProperty("java.io.tmpdir") + "/atrium")));
    }

    private static String prop(String key, String fallback) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
