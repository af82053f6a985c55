package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboundGroupingTest {

    @Test
    void oneGroupPerDomainWithoutCaseInFirstSeenOrder() {
        Map<String, List<String>> g = OutboundGrouping.byDomain(List.of("a@Example.org", "b@example.net",
                "C@EXAMPLE.ORG", "d@example.net", "a@Example.org"));
        assertEquals(List.of("example.org", "example.net"), List.copyOf(g.keySet()));
        assertEquals(List.of("a@Example.org", "C@EXAMPLE.ORG"), g.get("example.org"), "local parts keep their case");
        assertEquals(List.of("b@example.net", "d@example.net"), g.get("example.net"));
    }

    @Test
    void theDomainIsAfterTheLastAt() {
        assertEquals("example.org", OutboundGrouping.domain("\"a@b\"@Example.ORG"));
        assertEquals("[192.0.2.1]", OutboundGrouping.domain("x@[192.0.2.1]"));
        assertThrows(IllegalArgumentException.class, () -> OutboundGrouping.domain("postmaster"));
        assertThrows(IllegalArgumentException.class, () -> OutboundGrouping.domain("x@"));
    }

    @Test
    void nothingToGroup() {
        assertEquals(Map.of(), OutboundGrouping.byDomain(List.of()));
    }
}
