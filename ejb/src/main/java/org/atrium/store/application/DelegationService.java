package org.atrium.store.application;

import jakarta.ejb.Local;
import java.util.List;

/**
 * Delegation of whole mailboxes (ADR 0006): a user grants another user READ or FULL access to every folder, and the
 * sending grants (send as, send on behalf) the transport enforces. Folder-level sharing is the folder's ACL.
 */
@Local
public interface DelegationService {

    /** The grants {@code owner} gave, by grantee. */
    List<GrantView> given(String owner);

    /** The grants {@code grantee} holds, by owner. */
    List<GrantView> received(String grantee);

    /**
     * Sets a grant; a null argument keeps what the grant had (nothing, for a new one). A grant left granting nothing
     * is deleted, and returned as such.
     *
     * @param access {@code NONE}, {@code READ} or {@code FULL} (case ignored), or null
     */
    GrantView set(String owner, String grantee, String access, Boolean sendAs, Boolean sendOnBehalf);

    /** Removes the grant, if any. */
    void remove(String owner, String grantee);
}
