package org.atrium.store.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import org.atrium.store.domain.Rights.Mode;
import org.junit.jupiter.api.Test;

/** The rights value type (RFC 4314 §2.1, §2.1.1) and the rules of ACL entries: identifiers and inheritance. */
class AclRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void rightsAreCanonicalWhateverTheInputOrder() {
        assertEquals("lrswipkxtea", Rights.parse("aetxkpiwsrl").value());
        assertEquals(Rights.parse("rl"), Rights.parse("lrl"));
        assertEquals(Rights.NONE, Rights.parse(""));
        assertEquals(Rights.ALL, Rights.parse(Rights.LETTERS));
        assertThrows(IllegalArgumentException.class, () -> new Rights("rl"), "the record only holds canonical sets");
    }

    @Test
    void obsoleteCreateAndDeleteRightsAreExpandedRfc4314s2_1_1() {
        assertEquals("kx", Rights.parse("c").value());
        assertEquals("te", Rights.parse("d").value());
        assertEquals("lrkxte", Rights.parse("lrcd").value());
    }

    @Test
    void unknownRightsAreRefused() {
        for (String bad : new String[] {"L", "z", "0", "l r", "\u00e9"}) {
            assertThrows(IllegalArgumentException.class, () -> Rights.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Rights.parse(null));
    }

    @Test
    void setAclModesRfc4314s3_1() {
        Rights lr = Rights.parse("lr");
        assertEquals("lrsw", lr.apply(Mode.ADD, Rights.parse("ws")).value());
        assertEquals("l", lr.apply(Mode.REMOVE, Rights.parse("rx")).value());
        assertEquals("a", lr.apply(Mode.REPLACE, Rights.parse("a")).value());
        assertTrue(lr.apply(Mode.REMOVE, Rights.ALL).isEmpty());
        assertTrue(Rights.ALL.has('a'));
        assertFalse(lr.has('a'));
    }

    @Test
    void identifiersAreAddressesOrAnyoneLowerCase() {
        assertEquals("bob@example.org", FolderAcl.identifier("Bob@Example.ORG"));
        assertEquals("anyone", FolderAcl.identifier("ANYONE"));
        for (String bad : new String[] {"bob", "@example.org", "bob@", "a@b@c", "a b@example.org", "", null,
                "x".repeat(310) + "@example.org"}) {
            assertThrows(IllegalArgumentException.class, () -> FolderAcl.identifier(bad), String.valueOf(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> new FolderAcl(1, "Bob@example.org", Rights.ALL),
                "stored identifiers are normalised");
        assertThrows(IllegalArgumentException.class, () -> new FolderAcl(1, "bob@example.org", Rights.NONE),
                "an entry holds at least one right");
    }

    @Test
    void aNewSubfolderInheritsItsParentsEntries() throws Exception {
        Account owner = new Account(new Domain("atrium.test", NOW), MailAddress.parse("dana@atrium.test"), null,
                false, NOW);
        Folder work = withId(new Folder(owner, null, "Work", null, NOW), 7);
        Folder child = new Folder(owner, work, "2026", null, NOW);
        FolderAcl entry = new FolderAcl(work.getId(), "bob@example.org", Rights.parse("lrs"));
        assertThrows(IllegalArgumentException.class, () -> entry.inheritedBy(child), "the child needs its row");
        withId(child, 8);
        FolderAcl inherited = entry.inheritedBy(child);
        assertEquals(8, inherited.getFolderId());
        assertEquals("bob@example.org", inherited.getIdentifier());
        assertEquals(Rights.parse("lrs"), inherited.getRights());
        inherited.setRights(Rights.parse("l"));
        assertEquals(Rights.parse("lrs"), entry.getRights(), "a copy: changing the child leaves the parent");
        assertThrows(IllegalArgumentException.class, () -> inherited.setRights(Rights.NONE));
    }

    private static Folder withId(Folder f, long id) throws Exception {
        Field field = Folder.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(f, id);
        return f;
    }
}
