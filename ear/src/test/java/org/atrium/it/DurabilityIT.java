package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A message accepted with 250 survives kill -9 of the server right after the reply, and is delivered after restart
 * (RFC 5321 §6.1: the 250 is a promise; ARCHITECTURE.md "Durable hand-off"). Runs last: it restarts the server.
 */
@Order(Integer.MAX_VALUE)
class DurabilityIT {

    @Test
    void acceptedMailSurvivesKillMinusNineAndIsDeliveredAfterRestart() throws Exception {
        String pw = "Pw-" + UUID.randomUUID();
        String user = AdminClient.newUser("durable", pw);
        int sent = 30;
        for (int i = 0; i < sent - 1; i++) {
            MailTools.sendRaw("d@example.org", user, "Subject: durable " + i + "\r\n\r\nbody " + i);
        }
        String reply = MailTools.sendRaw("d@example.org", user, "Subject: durable last\r\n\r\nthe last one");
        assertTrue(reply.startsWith("250 2.0.0"), reply);
        Processes.Result kill = Processes.run(List.of(Processes.atrium(), "kill"), Processes.atriumEnv(), null, 60);
        assertEquals(0, kill.exit(), kill.output());

        Processes.Result start = Processes.run(List.of(Processes.atrium(), "start"), Processes.atriumEnv(), null, 300);
        assertEquals(0, start.exit(), start.output());
        MailTools.awaitMessages(user, pw, sent, Duration.ofSeconds(60));
        assertEquals(sent, MailTools.pop3Count(user, pw), "every accepted message, delivered exactly once");
    }
}
