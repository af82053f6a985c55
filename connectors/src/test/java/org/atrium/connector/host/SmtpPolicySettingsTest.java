package org.atrium.connector.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.atrium.connector.smtp.SmtpSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code atrium.smtp.*} policy keys as the host turns them into {@link SmtpSettings}. */
class SmtpPolicySettingsTest {

    private static final List<String> KEYS = List.of("atrium.smtp.max-received-headers",
            "atrium.smtp.trusted-networks", "atrium.smtp.default-domain", "atrium.smtp.expn",
            "atrium.smtp.max-connections-per-ip", "atrium.smtp.max-messages-per-minute", "atrium.smtp.dnsbl.zones");

    @AfterEach
    void clear() {
        KEYS.forEach(System::clearProperty);
    }

    private static SmtpSettings build() {
        return ConnectorHost.smtpSettings(HostSettings.fromSystemProperties(), Path.of("/tmp"));
    }

    @Test
    void defaults() throws Exception {
        SmtpSettings s = build();
        assertEquals(50, s.maxReceivedHeaders());
        assertTrue(s.trustedNetworks().isEmpty());
        assertFalse(s.trustedNetworks().contains(InetAddress.getLoopbackAddress()));
        assertEquals("", s.defaultDomain());
        assertFalse(s.expnEnabled());
        assertEquals(20, s.maxConnectionsPerIp());
        assertEquals(600, s.maxMessagesPerMinute());
        assertTrue(s.dnsblZones().isEmpty());
    }

    @Test
    void valuesFromProperties() throws Exception {
        System.setProperty("atrium.smtp.max-received-headers", "30");
        System.setProperty("atrium.smtp.trusted-networks", "10.0.0.0/8, 2001:db8::/32");
        System.setProperty("atrium.smtp.default-domain", "atrium.test");
        System.setProperty("atrium.smtp.expn", "true");
        System.setProperty("atrium.smtp.max-connections-per-ip", "0");
        System.setProperty("atrium.smtp.max-messages-per-minute", "5");
        System.setProperty("atrium.smtp.dnsbl.zones", "bl.example, dnsbl.example");
        SmtpSettings s = build();
        assertEquals(30, s.maxReceivedHeaders());
        assertTrue(s.trustedNetworks().contains(InetAddress.getByName("10.9.9.9")));
        assertEquals("atrium.test", s.defaultDomain());
        assertTrue(s.expnEnabled());
        assertEquals(0, s.maxConnectionsPerIp());
        assertEquals(5, s.maxMessagesPerMinute());
        assertEquals(List.of("bl.example", "dnsbl.example"), s.dnsblZones());
    }

    @Test
    void malformedValuesFailTheStart() {
        System.setProperty("atrium.smtp.trusted-networks", "10.0.0.0/80");
        assertThrows(IllegalArgumentException.class, SmtpPolicySettingsTest::build);
        System.clearProperty("atrium.smtp.trusted-networks");
        System.setProperty("atrium.smtp.max-connections-per-ip", "many");
        assertThrows(IllegalArgumentException.class, SmtpPolicySettingsTest::build);
    }
}
