package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.atrium.store.application.internal.QuotaWarnings.Decision;
import org.junit.jupiter.api.Test;

class QuotaWarningsTest {

    @Test
    void warnsOnceWhenUsageReachesTheLevel() {
        assertEquals(Decision.NONE, QuotaWarnings.decide(1000L, false, 999));
        assertEquals(Decision.WARN, QuotaWarnings.decide(1000L, false, 1000));
        assertEquals(Decision.WARN, QuotaWarnings.decide(1000L, false, 5000));
        assertEquals(Decision.NONE, QuotaWarnings.decide(1000L, true, 5000));
    }

    @Test
    void clearsTheRecordBelowTheLevelSoTheNextCrossingWarnsAgain() {
        assertEquals(Decision.CLEAR, QuotaWarnings.decide(1000L, true, 999));
        assertEquals(Decision.WARN, QuotaWarnings.decide(1000L, false, 1200));
    }

    @Test
    void withoutALevelThereIsNothingToWarnAbout() {
        assertEquals(Decision.NONE, QuotaWarnings.decide(null, false, Long.MAX_VALUE));
        assertEquals(Decision.CLEAR, QuotaWarnings.decide(null, true, 10));
    }

    @Test
    void theNoticeIsAShortAutomaticTextMessage() {
        String m = new String(QuotaWarnings.notice("Projects/Ä", 1200, 1000L, 2000L,
                List.of("a@example.com", "b@example.com"), "postmaster@example.com", Instant.EPOCH),
                StandardCharsets.UTF_8);
        int body = m.indexOf("\r\n\r\n");
        String head = m.substring(0, body);
        assertTrue(head.contains("To: a@example.com,\r\n b@example.com\r\n"), head);
        assertTrue(head.startsWith("From: Atrium <postmaster@example.com>\r\n"), head);
        assertTrue(head.contains("Auto-Submitted: auto-generated\r\n"), head);
        assertTrue(head.contains("Content-Type: text/plain; charset=UTF-8\r\n"), head);
        assertTrue(head.contains("Date: Thu, 1 Jan 1970 00:00:00 GMT\r\n"), head);
        assertTrue(head.chars().allMatch(c -> c < 0x80), "header is ASCII");
        assertTrue(m.substring(body).contains("1200 bytes"), m);
        assertTrue(m.substring(body).contains("2000 bytes"), m);
    }

    @Test
    void encodedWordsStayWithinSeventyFiveCharacters() {
        String encoded = QuotaWarnings.qEncode("Public folder \"" + "ÄÖÜ long name ".repeat(10) + "\" is nearly full");
        for (String line : encoded.split("\r\n ")) {
            assertTrue(line.length() <= 75, line);
            assertTrue(line.startsWith("=?UTF-8?Q?") && line.endsWith("?="), line);
        }
        assertTrue(encoded.contains("\r\n "), "folded");
    }
}
