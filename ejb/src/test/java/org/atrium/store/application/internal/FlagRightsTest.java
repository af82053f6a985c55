package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.atrium.store.application.internal.FlagRights.Mask;
import org.atrium.store.application.internal.FolderAccess.Access;
import org.atrium.store.domain.Flag;
import org.atrium.store.domain.FlagMode;
import org.atrium.store.domain.Rights;
import org.atrium.store.domain.Role;
import org.junit.jupiter.api.Test;

/** Which flags a user may change (RFC 4314 §4) and the own-item rights of Exchange's author roles (ADR 0006). */
class FlagRightsTest {

    private static Access access(String rights, String own) {
        return new Access(Rights.parse(rights), Rights.parse(own));
    }

    @Test
    void seenNeedsSDeletedNeedsTAndTheRestW() {
        assertEquals(new Mask(EnumSet.of(Flag.SEEN), false), FlagRights.allowed(access("lrs", ""), false));
        assertEquals(new Mask(EnumSet.of(Flag.DELETED), false), FlagRights.allowed(access("lrt", ""), false));
        assertEquals(new Mask(EnumSet.of(Flag.ANSWERED, Flag.FLAGGED, Flag.DRAFT), true),
                FlagRights.allowed(access("lrw", ""), false));
        assertEquals(Mask.ALL, FlagRights.allowed(FolderAccess.owner(), false));
        assertTrue(FlagRights.allowed(access("lr", ""), true).isEmpty(), "reading alone changes nothing");
    }

    @Test
    void ownRightsApplyOnlyToTheUsersOwnItems() {
        Access author = new Access(Role.AUTHOR.rights(), Role.AUTHOR.ownRights());
        Mask others = FlagRights.allowed(author, false);
        Mask own = FlagRights.allowed(author, true);
        assertEquals(EnumSet.of(Flag.SEEN), others.flags());
        assertFalse(others.keywords());
        assertEquals(EnumSet.allOf(Flag.class), own.flags(), "an author edits and deletes its own items");
        assertTrue(own.keywords());
        Mask nonediting = FlagRights.allowed(new Access(Role.NONEDITING_AUTHOR.rights(),
                Role.NONEDITING_AUTHOR.ownRights()), true);
        assertEquals(EnumSet.of(Flag.SEEN, Flag.DELETED), nonediting.flags(), "deletes its own, edits none");
        assertEquals(FlagRights.allowed(author, true), FlagRights.allowedSomewhere(author));
    }

    @Test
    void aStoreIsRefusedOnlyWhenNothingItTouchesIsAllowed() {
        Mask seenOnly = FlagRights.allowed(access("lrs", ""), false);
        assertTrue(FlagRights.touched(FlagMode.ADD, EnumSet.of(Flag.SEEN, Flag.FLAGGED), List.of()).meets(seenOnly),
                "\\Flagged is dropped, \\Seen is set");
        assertFalse(FlagRights.touched(FlagMode.ADD, EnumSet.of(Flag.FLAGGED), List.of("Work")).meets(seenOnly),
                "nothing left: NO_PERMISSION");
        assertTrue(FlagRights.touched(FlagMode.REPLACE, EnumSet.of(Flag.FLAGGED), List.of()).meets(seenOnly),
                "a replacement also clears \\Seen, which the user may");
        Mask writer = FlagRights.allowed(access("lrw", ""), false);
        assertTrue(FlagRights.touched(FlagMode.REMOVE, Set.of(), List.of("Work")).meets(writer));
        assertFalse(FlagRights.touched(FlagMode.REMOVE, Set.of(), List.of("Work")).meets(seenOnly));
        assertTrue(FlagRights.touched(FlagMode.ADD, Set.of(), List.of()).isEmpty());
    }

    @Test
    void appendAndCopyKeepOnlyTheFlagsTheUserMaySet() {
        Mask contributor = FlagRights.allowed(new Access(Role.CONTRIBUTOR.rights(), Role.CONTRIBUTOR.ownRights()),
                true);
        assertEquals(Set.of(), FlagRights.filter(EnumSet.of(Flag.SEEN, Flag.FLAGGED), contributor));
        Mask reviewerPlusInsert = FlagRights.allowed(access("lrsi", ""), true);
        assertEquals(EnumSet.of(Flag.SEEN), FlagRights.filter(EnumSet.of(Flag.SEEN, Flag.DRAFT), reviewerPlusInsert));
    }

    @Test
    void aReadersOwnSeenFollowsTheStoreMode() {
        assertTrue(FlagRights.seenAfter(FlagMode.ADD, EnumSet.of(Flag.SEEN), false));
        assertTrue(FlagRights.seenAfter(FlagMode.ADD, EnumSet.of(Flag.FLAGGED), true), "untouched");
        assertFalse(FlagRights.seenAfter(FlagMode.ADD, EnumSet.of(Flag.FLAGGED), false));
        assertFalse(FlagRights.seenAfter(FlagMode.REMOVE, EnumSet.of(Flag.SEEN), true));
        assertTrue(FlagRights.seenAfter(FlagMode.REMOVE, EnumSet.of(Flag.DELETED), true));
        assertFalse(FlagRights.seenAfter(FlagMode.REPLACE, EnumSet.of(Flag.FLAGGED), true));
        assertTrue(FlagRights.seenAfter(FlagMode.REPLACE, EnumSet.of(Flag.SEEN), false));
    }

    @Test
    void selectIsReadOnlyWithoutAnyOfSwtei() {
        assertFalse(FlagRights.mayWrite(access("lr", "")));
        assertFalse(FlagRights.mayWrite(access("lrka", "")), "administering is no change of messages");
        for (String r : List.of("lrs", "lrw", "lrt", "lre", "lri")) {
            assertTrue(FlagRights.mayWrite(access(r, "")), r);
        }
        assertTrue(FlagRights.mayWrite(access("lr", "t")), "own rights count");
    }
}
