package org.atrium.store.application;

import jakarta.ejb.Local;
import java.util.List;

/**
 * Domain administrators (issue #6, ADR 0015): users who manage the users, groups, public folders and settings of the
 * hosted domains they were given, and nothing else. Global administrators ({@code account.admin}) grant and revoke;
 * the REST layer enforces the scope.
 */
@Local
public interface DomainAdminService {

    /** The administrators of {@code domain}, by address. @throws StoreException not found (the domain) */
    List<DomainAdminView> admins(String domain);

    /**
     * Makes the user {@code address} (of any hosted domain) an administrator of {@code domain}; granting twice
     * answers the existing grant.
     *
     * @throws StoreException invalid (a malformed address), not found (the domain or the user)
     */
    DomainAdminView grant(String domain, String address);

    /** Takes the grant back. @throws StoreException not found (the domain, or the user is not its administrator) */
    void revoke(String domain, String address);

    /** The domains {@code address} administers, sorted; empty for an unknown address or one that administers none. */
    List<String> domainsOf(String address);
}
