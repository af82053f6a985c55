package org.atrium.store.application;

import java.util.List;
import java.util.Optional;

/**
 * External contacts in the domains' address books (ADR 0017): published in the GAL, usable as distribution group
 * members, never mailboxes. Errors are {@link StoreException}s naming the field at fault.
 */
public interface ContactService {

    /** Creates a contact; INVALID for a bad field or an address in a hosted domain, CONFLICT when it is taken. */
    ContactView create(ContactData data);

    /** The contacts of one domain's address book, or of all when {@code domain} is null; by address. */
    List<ContactView> contacts(String domain);

    Optional<ContactView> contact(String address);

    /** Changes the given fields (see {@link ContactData}); NOT_FOUND when unknown. */
    ContactView update(String address, ContactData data);

    /** Deletes the contact; groups that list the address keep it as a remote member. NOT_FOUND when unknown. */
    void remove(String address);
}
