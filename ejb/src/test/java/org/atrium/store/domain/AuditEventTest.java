package org.atrium.store.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.atrium.store.domain.AuditEvent.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outcome of an audited change follows its HTTP status; text is cut to the column sizes. */
class AuditEventTest {

    @ParameterizedTest
    @CsvSource({"200, ok", "201, ok", "204, ok", "303, ok", "400, refused", "401, refused", "403, refused",
        "404, refused", "409, refused", "499, refused", "500, failed", "503, failed"})
    void outcomeFollowsStatus(int status, String outcome) {
        assertEquals(outcome, Outcome.of(status).label());
        assertEquals(outcome, new AuditEvent(Instant.EPOCH, "a@b.test", "10.0.0.1", "PUT", "users", status, null)
                .getOutcome());
    }

    @Test
    void outcomeNamesParseCaseInsensitivelyAndNothingElse() {
        assertEquals(Outcome.REFUSED, Outcome.parse(" Refused "));
        assertEquals(Outcome.OK, Outcome.parse("ok"));
        assertNull(Outcome.parse("denied"));
        assertNull(Outcome.parse(null));
    }

    @Test
    void actorIsLowerCasedAndTextIsCutToTheColumns() {
        AuditEvent e = new AuditEvent(Instant.EPOCH, " Admin@Example.TEST ", "1.2.3.4", "DELETE", "x".repeat(1500),
                204, "d".repeat(2000));
        assertEquals("admin@example.test", e.getActor());
        assertEquals(1000, e.getResource().length());
        assertTrue(e.getResource().endsWith("\u2026"));
        assertEquals(1000, e.getDetail().length());
        assertNull(new AuditEvent(Instant.EPOCH, " ", null, "POST", "users", 401, null).getActor());
    }
}
