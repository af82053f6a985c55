package org.atrium.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.faces.validator.ValidatorException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The checks the console's fields make as they are typed, and the conversions to service arguments. */
class ConsoleInputTest {

    @Test
    void addresses() {
        assertEquals("team@example.org", ConsoleInput.address("  Team@Example.ORG "));
        assertEquals("example.org", ConsoleInput.domainOf("team@example.org"));
        for (String bad : new String[] {"", "team", "@example.org", "team@", "a@b@c", "a b@c.d"}) {
            ValidatorException e = assertThrows(ValidatorException.class, () -> ConsoleInput.address(bad), bad);
            assertTrue(e.getFacesMessage().getSummary().startsWith("Not an address"), bad);
        }
        assertThrows(ValidatorException.class, () -> ConsoleInput.address(null));
    }

    @Test
    void quotaNumbers() {
        assertNull(ConsoleInput.count(" "));
        assertEquals(0L, ConsoleInput.count("0"));
        assertEquals(10_000L, ConsoleInput.count(" 10000 "));
        assertThrows(ValidatorException.class, () -> ConsoleInput.count("-1"));
        assertThrows(ValidatorException.class, () -> ConsoleInput.count("ten"));
        assertNull(ConsoleInput.percent(null));
        assertEquals(1, ConsoleInput.percent("1"));
        assertEquals(100, ConsoleInput.percent("100"));
        assertThrows(ValidatorException.class, () -> ConsoleInput.percent("0"));
        assertThrows(ValidatorException.class, () -> ConsoleInput.percent("101"));
        assertEquals(2L << 30, ConsoleInput.bytes("2G"));
        assertThrows(ValidatorException.class, () -> ConsoleInput.bytes("2 X"));
    }

    @Test
    void wallTimeInAZone() {
        assertNull(ConsoleInput.instant(null, ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-12-02T09:30:00Z"),
                ConsoleInput.instant(LocalDateTime.of(2026, 12, 2, 10, 30), ZoneOffset.ofHours(1)));
    }

    @Test
    void searchMatchesAnywhereIgnoringCase() {
        List<String> rows = List.of("sales@a.test Sales", "team@b.test Team", "x@c.test null");
        assertEquals(rows, ConsoleInput.matching(rows, " ", Function.identity()));
        assertEquals(List.of("team@b.test Team"), ConsoleInput.matching(rows, "TEAM", Function.identity()));
        assertEquals(List.of("sales@a.test Sales", "team@b.test Team"),
                ConsoleInput.matching(rows, "A", s -> s.substring(s.indexOf(' ') + 1)));
        assertEquals(List.of(), ConsoleInput.matching(List.of("a"), "a", s -> null));
    }
}
