package org.atrium.store.application;

import jakarta.ejb.Local;
import java.util.List;
import org.atrium.store.domain.Quota;
import org.atrium.store.domain.SpecialUse;

/**
 * A user's folder hierarchy (RFC 3501 §6.3: LIST, CREATE, DELETE, RENAME, SUBSCRIBE, STATUS) and quota (RFC 9208).
 * Paths are {@link org.atrium.store.domain.FolderPath} strings; INBOX is case-insensitive. Every method runs in its
 * own transaction and refuses with {@link MailboxRefusal}.
 */
@Local
public interface FolderService {

    /** A folder as listed. */
    record FolderView(long id, String path, SpecialUse specialUse, boolean subscribed, boolean hasChildren) {
    }

    /** The counters of STATUS (RFC 3501 §6.3.10, RFC 7162 HIGHESTMODSEQ, RFC 8438 SIZE). */
    record FolderCounters(long messages, long recent, long uidNext, long uidValidity, long unseen,
            long highestModseq, long size, long deleted) {
    }

    /** Usage of an account and the limits that apply to it. */
    record QuotaUsage(long bytes, long messages, Quota limits) {
    }

    /** Every folder, INBOX first, then by path. */
    List<FolderView> folders(String account);

    /** Creates a folder and its missing parents. Refused: EXISTS, CANNOT (invalid name). */
    FolderView create(String account, String path);

    /** Deletes a folder with its messages. Refused: NO_SUCH_FOLDER, CANNOT (INBOX), HAS_CHILDREN. */
    void delete(String account, String path);

    /**
     * Renames a folder and its subfolders, creating missing parents of the target; renaming INBOX moves its messages
     * into a new folder and leaves INBOX (and its subfolders) in place (RFC 3501 §6.3.5). Refused: NO_SUCH_FOLDER,
     * EXISTS, CANNOT (into itself, or invalid).
     */
    void rename(String account, String from, String to);

    /** Subscribing needs an existing folder (NO_SUCH_FOLDER); unsubscribing from a missing one does nothing. */
    void setSubscribed(String account, String path, boolean subscribed);

    /** Refused: NO_SUCH_FOLDER. */
    FolderCounters status(String account, String path);

    QuotaUsage quota(String account);
}
