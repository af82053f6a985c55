package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.atrium.store.application.StoreException;
import org.atrium.store.domain.ResourceInfo;
import org.junit.jupiter.api.Test;

class DirectoryEntryRulesTest {

    private static void invalid(String field, Runnable r) {
        StoreException e = assertThrows(StoreException.class, r::run);
        assertEquals(StoreException.Code.INVALID, e.code());
        assertEquals(field, e.field());
    }

    @Test
    void textIsStrippedBlankIsNoValueAndTooLongNamesTheField() {
        assertEquals("Partner Ltd", DirectoryEntryRules.text("company", "  Partner Ltd "));
        assertNull(DirectoryEntryRules.text("company", "   "));
        assertNull(DirectoryEntryRules.text("company", null));
        assertEquals(255, DirectoryEntryRules.text("title", "x".repeat(255)).length());
        invalid("title", () -> DirectoryEntryRules.text("title", "x".repeat(256)));
        invalid("company", () -> DirectoryEntryRules.text("company", "a\u0000b"));
        invalid("surname", () -> DirectoryEntryRules.text("surname", "two\nlines"));
    }

    @Test
    void notesMayHoldLinesButNotOtherControls() {
        assertEquals("line one\nline two", DirectoryEntryRules.notes("line one\nline two"));
        invalid("notes", () -> DirectoryEntryRules.notes("bell\u0007"));
        invalid("notes", () -> DirectoryEntryRules.notes("x".repeat(2001)));
    }

    @Test
    void phoneNumbers() {
        assertEquals("+44 20 7946 0000", DirectoryEntryRules.phone("phone", "+44 20 7946 0000"));
        assertEquals("(030) 123-45/67", DirectoryEntryRules.phone("phone", "(030) 123-45/67"));
        assertEquals("+1 555 0100 x23", DirectoryEntryRules.phone("phone", "+1 555 0100 x23"));
        invalid("mobile", () -> DirectoryEntryRules.phone("mobile", "call me"));
        invalid("phone", () -> DirectoryEntryRules.phone("phone", "+44 20 <script>"));
        invalid("phone", () -> DirectoryEntryRules.phone("phone", "1".repeat(65)));
    }

    @Test
    void resourceTypeAndCapacity() {
        assertEquals(ResourceInfo.Type.ROOM, DirectoryEntryRules.type("room"));
        assertEquals(ResourceInfo.Type.EQUIPMENT, DirectoryEntryRules.type(" Equipment "));
        invalid("type", () -> DirectoryEntryRules.type(null));
        invalid("type", () -> DirectoryEntryRules.type("car"));
        assertNull(DirectoryEntryRules.capacity(null));
        assertEquals(0, DirectoryEntryRules.capacity(0));
        assertEquals(100_000, DirectoryEntryRules.capacity(100_000));
        invalid("capacity", () -> DirectoryEntryRules.capacity(-1));
        invalid("capacity", () -> DirectoryEntryRules.capacity(100_001));
    }

    @Test
    void keepLeavesTheCurrentValueWhenNothingWasSent() {
        assertEquals("old", DirectoryEntryRules.keep(null, "old", v -> DirectoryEntryRules.text("title", v)));
        assertNull(DirectoryEntryRules.keep("", "old", v -> DirectoryEntryRules.text("title", v)), "empty clears");
        assertEquals("new", DirectoryEntryRules.keep(" new ", "old", v -> DirectoryEntryRules.text("title", v)));
    }
}
