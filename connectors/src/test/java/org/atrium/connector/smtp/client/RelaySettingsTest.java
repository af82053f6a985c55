package org.atrium.connector.smtp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.atrium.connector.smtp.client.RelaySettings.Route;
import org.atrium.connector.smtp.client.RelaySettings.StartTls;
import org.junit.jupiter.api.Test;

/** The relay settings: defaults, the route syntax, and refusals that name the key. */
class RelaySettingsTest {

    @Test
    void defaults() {
        RelaySettings s = RelaySettings.from(k -> null);
        assertEquals("localhost", s.hostname());
        assertTrue(s.routes().isEmpty());
        assertEquals(25, s.defaultPort());
        assertEquals(Duration.ofSeconds(30), s.connectTimeout());
        assertEquals(Duration.ofSeconds(300), s.commandTimeout());
        assertEquals(Duration.ofSeconds(600), s.dataTimeout());
        assertEquals(StartTls.OPPORTUNISTIC, s.startTls());
        assertFalse(s.tlsVerify());
        assertEquals(5, s.maxHosts());
        assertEquals(2525, s.ownSmtpPort());
        assertNull(s.routeFor("example.org"));
    }

    @Test
    void routes() {
        Map<String, String> p = Map.of("atrium.relay.routes",
                "Partner.example=[127.0.0.1]:2725, *=smarthost.example.net:587 v6.example=[IPv6:::1]",
                "atrium.relay.port", "2500");
        RelaySettings s = RelaySettings.from(p::get);
        assertEquals(new Route("127.0.0.1", 2725, true), s.routeFor("partner.EXAMPLE"));
        assertEquals(new Route("smarthost.example.net", 587, false), s.routeFor("other.example"));
        assertEquals(new Route("IPv6:::1", 2500, true), s.routeFor("v6.example"));
    }

    @Test
    void badValuesNameTheirKey() {
        for (Map<String, String> bad : new Map[] {
                Map.of("atrium.relay.routes", "partner.example"),
                Map.of("atrium.relay.routes", "a.example=[127.0.0.1:25"),
                Map.of("atrium.relay.routes", "a.example=host:99999"),
                Map.of("atrium.relay.routes", "a.example=h1, a.example=h2"),
                Map.of("atrium.relay.port", "0"),
                Map.of("atrium.relay.connect-timeout-seconds", "soon"),
                Map.of("atrium.relay.command-timeout-seconds", "-1"),
                Map.of("atrium.relay.starttls", "sometimes"),
                Map.of("atrium.relay.tls-verify", "yes"),
                Map.of("atrium.relay.max-hosts", "0")}) {
            String key = bad.keySet().iterator().next();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RelaySettings.from(bad::get), bad.toString());
            assertTrue(e.getMessage().startsWith(key + ":"), e.getMessage());
        }
    }
}
