package org.atrium.store.infrastructure.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.atrium.connector.smtp.InboundEnvelope;
import org.atrium.connector.smtp.RecipientDsn;
import org.atrium.store.application.IncomingMessage;
import org.junit.jupiter.api.Test;

/** The envelope's DSN parameters (RFC 3461 §4) reach the store with the message. */
class SmtpIntakeDsnParametersTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void envidRetNotifyAndOrcptAreCarried() {
        InboundEnvelope env = new InboundEnvelope("client.example", "192.0.2.7", "a@example.org",
                List.of("b@atrium.test", "c@atrium.test"), "a@example.org", false, AT, "S1", "ID+2B1", "HDRS",
                Map.of("b@atrium.test", new RecipientDsn("SUCCESS,FAILURE", "rfc822;B@atrium.test")));
        IncomingMessage m = SmtpIntakeAdapter.incoming(env);
        assertEquals("a@example.org", m.reversePath());
        assertEquals(List.of("b@atrium.test", "c@atrium.test"), m.recipients());
        assertEquals("192.0.2.7", m.clientIp());
        assertEquals("client.example", m.helo());
        assertEquals("a@example.org", m.authenticatedUser());
        assertEquals("S1", m.sessionId());
        assertEquals(AT, m.receivedAt());
        assertEquals("ID+2B1", m.envid());
        assertEquals("HDRS", m.ret());
        assertEquals(new IncomingMessage.DsnRequest("SUCCESS,FAILURE", "rfc822;B@atrium.test"),
                m.dsn("b@atrium.test"));
        assertNull(m.dsn("c@atrium.test").notifyOn(), "no NOTIFY: the defaults apply");
        assertNull(m.dsn("c@atrium.test").orcpt());
    }

    @Test
    void anEnvelopeWithoutDsnParametersHasNone() {
        IncomingMessage m = SmtpIntakeAdapter.incoming(new InboundEnvelope("h", "192.0.2.7", "", List.of("b@x.test"),
                null, false, AT, "S2"));
        assertNull(m.envid());
        assertNull(m.ret());
        assertEquals(Map.of(), m.recipientDsn());
        assertEquals(m, new IncomingMessage("", List.of("b@x.test"), "192.0.2.7", "h", null, "S2", AT),
                "the compatibility constructor means: no DSN parameters");
    }
}
