package org.atrium.store.infrastructure.directory.ldap;

/**
 * Verifies a user's password for an LDAP simple bind. Passwords are never copied into LDAP: the GAL server
 * resolves the bind name to the entry's primary {@code mail} and asks Atrium's account store.
 * Called on an LDAP I/O thread; must be thread-safe and should not block for long.
 */
@FunctionalInterface
public interface BindVerifier {

    /**
     * @param mail     primary address of the entry being bound
     * @param password the password the client sent; the caller wipes the array afterwards
     * @return true if the password is correct and the account may log in
     */
    boolean verify(String mail, char[] password);
}
