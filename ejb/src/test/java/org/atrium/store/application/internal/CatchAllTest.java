package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.atrium.store.application.RecipientResolution;
import org.atrium.store.application.RecipientResolution.Kind;
import org.atrium.store.application.StoreException;
import org.junit.jupiter.api.Test;

/** A domain's catch-all (issue #4, ADR 0012). */
class CatchAllTest {

    private static final Set<String> HOSTED = Set.of("a.test", "b.test");
    private static final Set<String> TAKEN = Set.of("info@a.test", "team@b.test");
    private static final Map<String, String> DOMAIN_ALIASES = Map.of("alias.test", "a.test");

    private static String target(String address) {
        return CatchAll.target(address, DOMAIN_ALIASES::get, HOSTED::contains, TAKEN::contains);
    }

    @Test
    void aTargetIsAnExistingAddressHereOrAnyAddressOutside() {
        assertEquals("info@a.test", target(" Info@A.test "));
        assertEquals("team@b.test", target("team@b.test"));
        assertEquals("info@a.test", target("info@alias.test"), "stored at the domain a domain alias stands for");
        assertEquals("someone@outside.test", target("someone@outside.test"));
        assertNull(target(null));
        assertNull(target("  "), "blank turns it off");
    }

    @Test
    void anUnknownAddressHereOrNoAddressIsRefused() {
        for (String bad : new String[] {"nobody@a.test", "nobody@alias.test", "not an address", "x@"}) {
            StoreException e = assertThrows(StoreException.class, () -> target(bad), bad);
            assertEquals(StoreException.Code.INVALID, e.code());
            assertEquals("address", e.field());
        }
    }

    @Test
    void anUnknownAddressResolvesAsTheTarget() {
        Function<String, RecipientResolution> targets = t -> switch (t) {
            case "info@a.test" -> new RecipientResolution(Kind.LOCAL, "info@a.test");
            case "team@b.test" -> new RecipientResolution(Kind.GROUP, "team@b.test");
            case "gone@a.test" -> new RecipientResolution(Kind.UNKNOWN_LOCAL, null);
            default -> new RecipientResolution(Kind.NOT_LOCAL, null);
        };
        assertEquals(new RecipientResolution(Kind.LOCAL, "info@a.test"),
                CatchAll.resolve("whoever", "info@a.test", targets));
        assertEquals(new RecipientResolution(Kind.GROUP, "team@b.test"),
                CatchAll.resolve("whoever", "team@b.test", targets));
        assertEquals(new RecipientResolution(Kind.FORWARD, "x@outside.test"),
                CatchAll.resolve("whoever", "x@outside.test", targets), "outside: relayed whoever sent it");
        assertEquals(Kind.UNKNOWN_LOCAL, CatchAll.resolve("whoever", "gone@a.test", targets).kind(),
                "a target removed since");
        assertEquals(Kind.UNKNOWN_LOCAL, CatchAll.resolve("whoever", null, targets).kind(), "off by default");
        assertEquals(Kind.UNKNOWN_LOCAL, CatchAll.resolve("postmaster", "info@a.test", targets).kind(),
                "postmaster stays with the administrators");
    }
}
