package org.atrium.store.application;

import jakarta.ejb.Local;
import java.util.Map;
import org.atrium.store.domain.Rights;

/**
 * Access control lists of the folders a user reaches (RFC 4314 §3: GETACL, SETACL, DELETEACL, MYRIGHTS), named as in
 * {@link FolderService} (own, {@code Other Users/...}, {@code Public Folders/...}). The owner of a user's folder
 * always holds every right; its entry is implicit and cannot be changed. A public folder has no implicit owner: its
 * owners are the entries holding {@code a} (ADR 0006). Reading or changing a list needs {@code a}; MYRIGHTS any right.
 * Identifiers are {@code anyone}, {@code authenticated}, or a user's or group's address. Every method runs in its own
 * transaction and refuses with {@link MailboxRefusal}: NO_SUCH_FOLDER (also for a folder the caller holds no right
 * on), NO_PERMISSION, CANNOT (the owner's identifier, or an unknown one).
 */
@Local
public interface FolderAclService {

    /**
     * Identifier to rights letters: a user's folder's owner first with all rights (a public folder has none), then
     * the entries by identifier.
     */
    Map<String, String> acl(String account, String path);

    /** Changes an identifier's rights (RFC 4314 §3.1); an entry left with none is removed. */
    void change(String account, String path, String identifier, Rights.Mode mode, Rights rights);

    /** Removes an identifier's entry (RFC 4314 §3.2); nothing to remove is fine. */
    void remove(String account, String path, String identifier);

    /** The caller's rights (RFC 4314 §3.5). */
    Rights myRights(String account, String path);
}
