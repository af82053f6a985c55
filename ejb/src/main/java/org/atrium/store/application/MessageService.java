package org.atrium.store.application;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.atrium.store.domain.BlobStore.BlobRef;
import org.atrium.store.domain.Flag;
import org.atrium.store.domain.FlagMode;

/**
 * The messages of the folders a user reaches (own, other users' and public ones, ADR 0006) as IMAP sees them
 * (RFC 3501 §6.3.1, §6.4; RFC 4315 UIDPLUS; RFC 6851 MOVE; RFC 7162 CONDSTORE/QRESYNC). Every change takes its
 * MODSEQs from the folder under the folder's row lock, and when several folders are locked they are locked in
 * ascending id order (as delivery does), so concurrent sessions and deliveries neither interleave wrongly nor
 * deadlock. Changes are announced through
 * {@link FolderChangeNotifier} after commit. Lists of UIDs go in ascending and come back ascending.
 *
 * <p>Each operation needs the right RFC 4314 §4 names: a folder the caller holds no right on at all is refused as
 * NO_SUCH_FOLDER, a missing right on a folder it may see as NO_PERMISSION. In public folders \Seen is each reader's
 * own: every state returned shows the caller's.
 */
@Local
public interface MessageService {

    /** A message's UID, flags, keywords and MODSEQ. */
    record ItemState(long uid, Set<Flag> flags, List<String> keywords, long modseq) {
    }

    /**
     * A folder opened by SELECT or EXAMINE.
     *
     * @param path the name as the caller sees it (ADR 0006 namespaces)
     * @param rights the caller's rights on the folder (RFC 4314 §2.1 letters, canonical order)
     */
    record Opened(long folderId, String path, long uidValidity, long uidNext, long highestModseq,
            List<ItemState> messages, long recentUidFloor, List<String> keywords, String rights) {
    }

    /** Changes since a MODSEQ; {@code recentUidFloor} is {@code Long.MAX_VALUE} when nothing was claimed. */
    record Changes(long highestModseq, long uidNext, List<ItemState> changed, List<Long> expunged,
            long recentUidFloor) {
    }

    record ItemDetails(long uid, Instant internalDate, long size, String metadataJson) {
    }

    record FlagResult(List<ItemState> updated, List<ItemState> unchanged, List<Long> failed) {
    }

    record Filed(long uidValidity, long uid) {
    }

    record Copied(long uidValidity, List<Long> sourceUids, List<Long> targetUids) {
    }

    /**
     * SELECT (claims \Recent unless the caller may change nothing) or EXAMINE (never claims). Needs {@code r}.
     * Refused: NO_SUCH_FOLDER, NO_PERMISSION.
     */
    Opened select(String account, String path, boolean readOnly);

    /** Refused: NO_SUCH_FOLDER when it was deleted meanwhile. */
    Changes changes(String account, long folderId, long sinceModseq, boolean claimRecent);

    List<ItemDetails> details(String account, long folderId, List<Long> uids);

    /** The blob of a message. Refused: NO_SUCH_FOLDER when the message (or folder) is gone. */
    String blobHash(String account, long folderId, long uid);

    /**
     * STORE with UNCHANGEDSINCE when {@code unchangedSince >= 0}; flags the caller has no right for are ignored
     * (RFC 4314 §4). Refused: CANNOT for invalid keywords, NO_PERMISSION when nothing could change.
     */
    FlagResult store(String account, long folderId, List<Long> uids, FlagMode mode, Set<Flag> flags,
            Collection<String> keywords, long unchangedSince);

    /**
     * Removes the messages flagged \Deleted, of {@code uids} when not null; records them in the history. Needs
     * {@code e} (own {@code e}: only the caller's own items go). Refused: NO_PERMISSION.
     */
    List<Long> expunge(String account, long folderId, List<Long> uids);

    /**
     * Files a message whose blob is stored (fsync'ed) and parsed, as the caller's own item; needs {@code i}.
     * Refused: NO_SUCH_FOLDER, NO_PERMISSION, OVER_QUOTA (the owner's quota, or a public folder's own limit).
     *
     * @param internalDate null for now
     */
    Filed append(String account, String path, BlobRef blob, ContentSummary summary, Set<Flag> flags,
            List<String> keywords, Instant internalDate);

    /**
     * COPY or MOVE of the messages that still exist: {@code r} on the source, {@code i} on the target, MOVE also
     * {@code t e} on the source. Refused: NO_SUCH_FOLDER (target), NO_PERMISSION, OVER_QUOTA.
     */
    Copied copy(String account, long folderId, List<Long> uids, String targetPath, boolean move);

    /**
     * Hands a blob that was stored for a message never filed (APPEND refused) to the collector, which deletes it
     * after its grace period unless some content references it.
     */
    void discardBlob(String hash);
}
