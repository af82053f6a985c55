package org.atrium.store.application;

/**
 * What it takes to create an account. Optional fields may be null.
 *
 * @param address the primary address, in a hosted domain
 * @param password the initial password (8 to 1024 characters)
 */
public record NewAccount(String address, String password, String displayName, String givenName, String surname,
        String department, String title, String phone, String office, boolean admin) {

    public static NewAccount of(String address, String password) {
        return new NewAccount(address, password, null, null, null, null, null, null, null, false);
    }
}
