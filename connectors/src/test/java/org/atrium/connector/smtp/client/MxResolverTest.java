package org.atrium.connector.smtp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atrium.connector.smtp.client.MxResolver.Resolution;
import org.atrium.connector.smtp.client.MxResolver.Target;
import org.atrium.connector.smtp.client.RecipientResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MX routing (RFC 5321 §5.1, RFC 7505) through a real DNS exchange with {@link FakeDns}. */
class MxResolverTest {

    private FakeDns dns;

    @BeforeEach
    void start() throws Exception {
        dns = new FakeDns();
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private MxResolver resolver(String... more) {
        Map<String, String> p = new HashMap<>();
        p.put("atrium.dns.servers", dns.server());
        p.put("atrium.relay.connect-timeout-seconds", "2");
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return new MxResolver(RelaySettings.from(p::get));
    }

    private static List<String> hosts(Resolution r) {
        return r.targets().stream().map(Target::host).toList();
    }

    @Test
    void mxRecordsInPreferenceOrderWithTheirAddresses() throws Exception {
        dns.mx("example.org", 20, "mx2.example.org").mx("example.org", 10, "mx1.example.org")
                .a("mx1.example.org", "192.0.2.1").a("mx1.example.org", "2001:db8::1")
                .a("mx2.example.org", "192.0.2.2");
        Resolution r = resolver().resolve("example.org");
        assertFalse(r.failed(), r.toString());
        assertEquals(List.of("mx1.example.org", "mx1.example.org", "mx2.example.org"), hosts(r));
        assertEquals("192.0.2.1", r.targets().get(0).address().getHostAddress());
        assertEquals("2001:db8:0:0:0:0:0:1", r.targets().get(1).address().getHostAddress());
        assertEquals(25, r.targets().get(2).port());
        assertEquals("mx2.example.org [192.0.2.2]", r.targets().get(2).display());
    }

    @Test
    void equalPreferencesAreShuffled() throws Exception {
        dns.mx("spread.example", 10, "a.spread.example").mx("spread.example", 10, "b.spread.example")
                .a("a.spread.example", "192.0.2.10").a("b.spread.example", "192.0.2.11");
        MxResolver resolver = resolver();
        Set<String> firsts = new HashSet<>();
        for (int i = 0; i < 40 && firsts.size() < 2; i++) {
            firsts.add(resolver.resolve("spread.example").targets().get(0).host());
        }
        assertEquals(Set.of("a.spread.example", "b.spread.example"), firsts);
    }

    @Test
    void noMxMeansTheDomainsOwnAddress() throws Exception {
        dns.a("implicit.example", "192.0.2.7");
        Resolution r = resolver().resolve("implicit.example");
        assertEquals(List.of("implicit.example"), hosts(r));
        assertEquals("192.0.2.7", r.targets().get(0).address().getHostAddress());
    }

    @Test
    void nullMxIsAPermanentFailure() throws Exception {
        dns.mx("nomail.example", 0, ".").a("nomail.example", "192.0.2.8");
        Resolution r = resolver().resolve("nomail.example");
        assertEquals(Outcome.PERMANENT, r.failure());
        assertTrue(r.reply().startsWith("556 5.1.10 "), r.reply());
    }

    @Test
    void nxdomainAndNoAddressArePermanent() throws Exception {
        Resolution nx = resolver().resolve("nowhere.example");
        assertEquals(Outcome.PERMANENT, nx.failure());
        assertTrue(nx.reply().startsWith("550 5.1.2 "), nx.reply());

        dns.mx("dangling.example", 10, "mx.dangling.example");
        Resolution dangling = resolver().resolve("dangling.example");
        assertEquals(Outcome.PERMANENT, dangling.failure());
        assertTrue(dangling.reply().startsWith("550 5.4.4 "), dangling.reply());
    }

    @Test
    void servfailIsTemporary() {
        dns.servfail("broken.example");
        Resolution r = resolver().resolve("broken.example");
        assertEquals(Outcome.TEMPORARY, r.failure());
        assertTrue(r.reply().startsWith("451 4.4.3 "), r.reply());
    }

    @Test
    void routesOverrideTheLookUp() throws Exception {
        dns.mx("partner.example", 10, "mx.partner.example").a("mx.partner.example", "192.0.2.20")
                .a("smarthost.example.net", "192.0.2.30");
        MxResolver resolver = resolver("atrium.relay.routes",
                "partner.example=[127.0.0.1]:2725, *=smarthost.example.net:587");
        Resolution partner = resolver.resolve("PARTNER.example");
        assertEquals("127.0.0.1 [127.0.0.1]", partner.targets().get(0).display());
        assertEquals(2725, partner.targets().get(0).port());
        Resolution other = resolver.resolve("anything.example");
        assertEquals("smarthost.example.net [192.0.2.30]", other.targets().get(0).display());
        assertEquals(587, other.targets().get(0).port());
        Resolution unresolvable = resolver("atrium.relay.routes", "*=[nohost.example]").resolve("x.example");
        assertEquals(Outcome.TEMPORARY, unresolvable.failure(), "a bad route waits for the administrator");
    }

    @Test
    void neverMoreThanMaxHosts() throws Exception {
        for (int i = 1; i <= 4; i++) {
            dns.mx("many.example", i, "mx" + i + ".many.example").a("mx" + i + ".many.example", "192.0.2." + i);
        }
        Resolution r = resolver("atrium.relay.max-hosts", "2").resolve("many.example");
        assertEquals(List.of("mx1.many.example", "mx2.many.example"), hosts(r));
    }
}
