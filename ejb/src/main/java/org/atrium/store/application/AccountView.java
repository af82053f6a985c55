package org.atrium.store.application;

import java.time.Instant;
import java.util.List;

/** An account as the interfaces see it (never the password hash). */
public record AccountView(long id, String address, String displayName, String givenName, String surname,
        String department, String title, String phone, String office, boolean admin, boolean enabled,
        List<String> aliases, Instant createdAt, Instant lastLoginAt) {
}
