package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.atrium.store.application.MailboxRefusal;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.AccountKind;
import org.atrium.store.domain.ClassOfService;
import org.atrium.store.domain.Domain;
import org.atrium.store.domain.Folder;
import org.atrium.store.domain.MailAddress;
import org.atrium.store.domain.Rights;
import org.junit.jupiter.api.Test;

/** The features of a class of service (ADR 0016): public folders and self-service delegation. */
class ClassOfServiceFeaturesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final Domain domain = new Domain("cos.test", NOW);

    private Account user(ClassOfService c) {
        Account a = new Account(domain, MailAddress.parse("u@cos.test"), null, false, NOW);
        a.setClassOfService(c);
        return a;
    }

    private static ClassOfService profile(boolean publicFolders, boolean delegation) {
        ClassOfService c = new ClassOfService("p", NOW);
        c.setFeatures(publicFolders, delegation);
        return c;
    }

    @Test
    void withoutAProfileEverythingIsAllowed() {
        Account a = user(null);
        assertTrue(a.mayUsePublicFolders());
        assertTrue(a.mayDelegate());
        assertTrue(user(new ClassOfService("default", NOW)).mayDelegate(), "a new profile allows the features");
    }

    @Test
    void eachFeatureOnItsOwn() {
        assertFalse(user(profile(false, true)).mayUsePublicFolders());
        assertTrue(user(profile(false, true)).mayDelegate());
        assertTrue(user(profile(true, false)).mayUsePublicFolders());
        assertFalse(user(profile(true, false)).mayDelegate());
    }

    @Test
    void withoutDelegationOwnFoldersCannotBeSharedButRightsCanBeTakenBack() {
        Folder own = new Folder(user(profile(true, false)), null, "Projects", null, NOW);
        MailboxRefusal e = assertThrows(MailboxRefusal.class, () -> DefaultFolderAclService.refuseUndelegable(own,
                Rights.Mode.ADD, Rights.parse("lr")));
        assertEquals(MailboxRefusal.Reason.NO_PERMISSION, e.reason(), "IMAP NO [NOPERM]");
        assertThrows(MailboxRefusal.class, () -> DefaultFolderAclService.refuseUndelegable(own, Rights.Mode.REPLACE,
                Rights.parse("lrs")));
        assertDoesNotThrow(() -> DefaultFolderAclService.refuseUndelegable(own, Rights.Mode.REMOVE,
                Rights.parse("lr")));
        assertDoesNotThrow(() -> DefaultFolderAclService.refuseUndelegable(own, Rights.Mode.REPLACE, Rights.NONE),
                "SETACL with no rights takes them away");

        Folder shared = new Folder(user(profile(true, true)), null, "Projects", null, NOW);
        assertDoesNotThrow(() -> DefaultFolderAclService.refuseUndelegable(shared, Rights.Mode.ADD,
                Rights.parse("lr")));
        Folder pub = new Folder(Account.publicStore(domain, AccountKind.PUBLIC_DOMAIN, NOW), null, "News", null,
                NOW);
        assertDoesNotThrow(() -> DefaultFolderAclService.refuseUndelegable(pub, Rights.Mode.ADD, Rights.parse("lr")),
                "public folders keep their own rules");
    }
}
