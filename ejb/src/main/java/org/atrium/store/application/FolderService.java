package org.atrium.store.application;

import jakarta.ejb.Local;
import java.util.List;
import org.atrium.store.domain.Quota;
import org.atrium.store.domain.SpecialUse;

/**
 * A user's folder hierarchy (RFC 3501 §6.3: LIST, CREATE, DELETE, RENAME, SUBSCRIBE, STATUS) and quota (RFC 9208).
 * Names are the caller's (ADR 0006, RFC 2342): {@link org.atrium.store.domain.FolderPath} strings for its own
 * folders (INBOX is case-insensitive), {@code Other Users/<address>/<path>} for another user's, {@code Public
 * Folders/<path>} for public ones. Foreign folders need the rights of RFC 4314 §4 ({@code l} LIST, {@code r} STATUS,
 * {@code k} on the parent for CREATE and the RENAME target, {@code x} DELETE and RENAME source); a folder the caller
 * holds no right on is NO_SUCH_FOLDER, a missing right NO_PERMISSION. Every method runs in its own transaction and
 * refuses with {@link MailboxRefusal}.
 */
@Local
public interface FolderService {

    /**
     * A folder as listed.
     *
     * @param id the folder's id; 0 for a name that is no folder the caller may select
     * @param path the name as the caller sees it: own paths, {@code Other Users/<address>/<path>},
     *        {@code Public Folders/<path>} (ADR 0006)
     * @param specialUse the caller's own folders' special use; null for others' folders
     * @param hasChildren whether the caller sees names below it
     * @param selectable false for a name listed only as the parent of what the caller sees (a namespace root,
     *        another user's name, a folder the caller may not look up): LIST shows it {@code \Noselect}
     */
    record FolderView(long id, String path, SpecialUse specialUse, boolean subscribed, boolean hasChildren,
            boolean selectable) {
    }

    /** The counters of STATUS (RFC 3501 §6.3.10, RFC 7162 HIGHESTMODSEQ, RFC 8438 SIZE). */
    record FolderCounters(long messages, long recent, long uidNext, long uidValidity, long unseen,
            long highestModseq, long size, long deleted) {
    }

    /** Usage of an account and the limits that apply to it. */
    record QuotaUsage(long bytes, long messages, Quota limits) {
    }

    /**
     * The caller's folders and the foreign ones it may look up ({@code l}), with the names above those as not
     * selectable; INBOX first, then by name.
     */
    List<FolderView> folders(String account);

    /**
     * Creates a folder and its missing parents. In a foreign hierarchy: {@code k} on the nearest existing parent;
     * at the top of the public tree only administrators (who get an Owner entry), at the top of another user's
     * mailbox only with a FULL mailbox grant. Refused: EXISTS, CANNOT (invalid name), NO_PERMISSION.
     */
    FolderView create(String account, String path);

    /** Deletes a folder with its messages. Refused: NO_SUCH_FOLDER, CANNOT (INBOX), HAS_CHILDREN. */
    void delete(String account, String path);

    /**
     * Renames a folder and its subfolders, creating missing parents of the target; renaming INBOX moves its messages
     * into a new folder and leaves INBOX (and its subfolders) in place (RFC 3501 §6.3.5). Refused: NO_SUCH_FOLDER,
     * EXISTS, CANNOT (into itself, across owners, or invalid), NO_PERMISSION.
     */
    void rename(String account, String from, String to);

    /** Subscribing needs an existing folder (NO_SUCH_FOLDER); unsubscribing from a missing one does nothing. */
    void setSubscribed(String account, String path, boolean subscribed);

    /** Refused: NO_SUCH_FOLDER. */
    FolderCounters status(String account, String path);

    QuotaUsage quota(String account);
}
