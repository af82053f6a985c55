package org.atrium.store.application;

import java.time.Instant;

/** An external contact of a domain's address book (ADR 0017), as the API shows it. */
public record ContactView(long id, String address, String domain, String displayName, String givenName,
                          String surname, String company, String department, String title, String phone,
                          String mobile, String notes, Instant createdAt) {
}
