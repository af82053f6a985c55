package org.atrium.store.application;

import jakarta.ejb.Local;
import java.util.Map;
import org.atrium.store.domain.Rights;

/**
 * Access control lists of a user's folders (RFC 4314 §3: GETACL, SETACL, DELETEACL, MYRIGHTS). The owner of a folder
 * always holds every right; its entry is implicit and cannot be changed. Reading or changing a list needs the
 * {@code a} (administer) right. Every method runs in its own transaction and refuses with {@link MailboxRefusal}:
 * NO_SUCH_FOLDER, NO_PERMISSION, CANNOT (the owner's identifier, or one that is neither an address nor
 * {@code anyone}).
 */
@Local
public interface FolderAclService {

    /** Identifier to rights letters: the owner first with all rights, then the entries by identifier. */
    Map<String, String> acl(String account, String path);

    /** Changes an identifier's rights (RFC 4314 §3.1); an entry left with none is removed. */
    void change(String account, String path, String identifier, Rights.Mode mode, Rights rights);

    /** Removes an identifier's entry (RFC 4314 §3.2); nothing to remove is fine. */
    void remove(String account, String path, String identifier);

    /** The caller's rights (RFC 4314 §3.5). */
    Rights myRights(String account, String path);
}
