package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.atrium.store.application.internal.DefaultFolderService.NameTree;
import org.junit.jupiter.api.Test;

/** The names LIST adds above foreign folders (as \Noselect) and which names have children (ADR 0006). */
class NameTreeTest {

    @Test
    void theNamesAboveAForeignFolderReachTheNamespaceRoot() {
        assertEquals(List.of("Other Users/bob@atrium.test/INBOX", "Other Users/bob@atrium.test", "Other Users"),
                NameTree.above("Other Users/bob@atrium.test/INBOX/Team"));
        assertEquals(List.of("Public Folders"), NameTree.above("Public Folders/Sales"));
        assertEquals(List.of(), NameTree.above("INBOX"));
    }

    @Test
    void onlyDirectParentsOfListedNamesHaveChildren() {
        Set<String> parents = NameTree.parents(List.of("INBOX", "INBOX/Lists", "Public Folders", "Public Folders/a",
                "Other Users", "Other Users/bob@atrium.test", "Other Users/bob@atrium.test/INBOX"));
        assertEquals(Set.of("INBOX", "Public Folders", "Other Users", "Other Users/bob@atrium.test"), parents);
    }
}
