package org.atrium.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.atrium.store.application.ContactData;
import org.atrium.store.application.ContactService;
import org.atrium.store.application.ContactView;
import org.atrium.store.application.ResourceData;
import org.atrium.store.application.ResourceService;
import org.atrium.store.application.ResourceView;
import org.atrium.store.application.StoreException;
import org.junit.jupiter.api.Test;

/**
 * Input checks of the contact and resource resources (ADR 0017) and what they hand to the services. Calls that build
 * a {@code Response} need a JAX-RS runtime and are covered by ContactsResourcesIT.
 */
class ContactResourceResourceTest {

    private final List<String> calls = new ArrayList<>();
    private static final ContactView ANN = new ContactView(1, "ann@partner.example", "a.test", "Ann", null, null,
            null, null, null, null, null, null, Instant.EPOCH);
    private static final ResourceView BOARD = new ResourceView(2, "board@a.test", "a.test", "Board", "ROOM", 8,
            null, true, 0, Instant.EPOCH);

    @SuppressWarnings("unchecked")
    private <T> T recorder(Class<T> type) {
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    calls.add(method.getName() + Arrays.toString(args));
                    return switch (method.getName()) {
                        case "contact" -> "ann@partner.example".equals(args[0]) ? Optional.of(ANN) : Optional.empty();
                        case "resource" -> "board@a.test".equals(args[0]) ? Optional.of(BOARD) : Optional.empty();
                        case "contacts", "resources" -> List.of();
                        default -> null;
                    };
                });
    }

    private ContactResource contacts() {
        ContactResource r = new ContactResource();
        r.contacts = recorder(ContactService.class);
        return r;
    }

    private ResourceResource resources() {
        ResourceResource r = new ResourceResource();
        r.resources = recorder(ResourceService.class);
        return r;
    }

    private static void assertInvalid(String field, org.junit.jupiter.api.function.Executable call) {
        StoreException e = assertThrows(StoreException.class, call);
        assertEquals(StoreException.Code.INVALID, e.code());
        assertEquals(field, e.field());
    }

    @Test
    void anAddressIsRequiredOnCreate() {
        assertInvalid("address", () -> contacts().add(null));
        assertInvalid("address", () -> contacts().add(new ContactData(" ", null, "Ann", null, null, null, null, null,
                null, null, null)));
        assertInvalid("address", () -> resources().add(null));
        assertInvalid("address", () -> resources().add(new ResourceData("", "Board", "room", null, null)));
        assertTrue(calls.isEmpty(), "nothing reaches the services: " + calls);
    }

    @Test
    void unknownAddressesAreNotFound() {
        assertEquals(ANN, contacts().get("ann@partner.example"));
        assertEquals(BOARD, resources().get("board@a.test"));
        assertEquals(StoreException.Code.NOT_FOUND,
                assertThrows(StoreException.class, () -> contacts().get("bob@partner.example")).code());
        assertEquals(StoreException.Code.NOT_FOUND,
                assertThrows(StoreException.class, () -> resources().get("beamer@a.test")).code());
    }

    @Test
    void listFiltersAreStrippedAndBlankMeansAll() {
        contacts().list("  ");
        contacts().list(" a.test ");
        resources().list("", "room");
        resources().list("a.test", null);
        assertEquals(List.of("contacts[null]", "contacts[a.test]", "resources[null, room]",
                "resources[a.test, null]"), calls);
    }
}
