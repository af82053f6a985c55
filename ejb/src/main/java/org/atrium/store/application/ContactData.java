package org.atrium.store.application;

/**
 * The fields of a contact (ADR 0017) as an administrator sends them. On create {@code address} is required and
 * {@code domain} names the address book (optional while only one domain is hosted); on update {@code address} and
 * {@code domain} are ignored and a {@code null} field keeps its value (an empty string clears it).
 */
public record ContactData(String address, String domain, String displayName, String givenName, String surname,
                          String company, String department, String title, String phone, String mobile,
                          String notes) {
}
