package org.atrium.store.application;

import java.util.List;
import java.util.Optional;

/**
 * Rooms and equipment (ADR 0017): accounts of kind RESOURCE with an INBOX and the standard folders, read by
 * delegates through mailbox grants (ADR 0006), published in the GAL. Errors are {@link StoreException}s naming the
 * field at fault.
 */
public interface ResourceService {

    /** Creates the resource and its folders; INVALID for a bad field or a domain not hosted, CONFLICT when taken. */
    ResourceView create(ResourceData data);

    /** Resources of a domain (all when null) of a type (all when null), by address. */
    List<ResourceView> resources(String domain, String type);

    Optional<ResourceView> resource(String address);

    ResourceView update(String address, ResourceData data);

    /** Deletes an empty resource with its folders and grants; CONFLICT while its mailbox holds messages. */
    void remove(String address);
}
