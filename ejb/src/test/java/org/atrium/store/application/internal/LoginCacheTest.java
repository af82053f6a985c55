package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.atrium.store.application.DirectoryChanged;
import org.junit.jupiter.api.Test;

class LoginCacheTest {

    @Test
    void remembersOnlyTheRightPasswordForTheSameStoredHash() {
        LoginCache c = new LoginCache();
        assertFalse(c.matches("a@x.test", "secret-1", "hash-1"), "nothing cached yet");
        c.remember("a@x.test", "secret-1", "hash-1");
        assertTrue(c.matches("a@x.test", "secret-1", "hash-1"));
        assertFalse(c.matches("a@x.test", "secret-2", "hash-1"), "another password");
        assertFalse(c.matches("a@x.test", "secret-1", "hash-2"), "the password changed since");
        assertFalse(c.matches("b@x.test", "secret-1", "hash-1"), "another account");
        assertFalse(c.matches("a@x.test", "secret-1", null));
    }

    @Test
    void aDirectoryChangeForgetsEverything() {
        LoginCache c = new LoginCache();
        c.remember("a@x.test", "secret-1", "hash-1");
        c.onChange(new DirectoryChanged(DirectoryChanged.Kind.ACCOUNT, "a@x.test", false));
        assertFalse(c.matches("a@x.test", "secret-1", "hash-1"));
    }
}
