package org.atrium.connector.imap.port;

import java.util.List;

/**
 * Changes of a folder since a MODSEQ (RFC 7162 §3.1, §3.2.5.2).
 *
 * @param highestModseq the folder's HIGHESTMODSEQ now
 * @param uidNext the folder's UIDNEXT now
 * @param changed messages added or with changed flags, ascending by UID, with their current state
 * @param expunged UIDs expunged since, ascending
 * @param recentUidFloor when \Recent was claimed: new messages above this UID are \Recent for the caller; otherwise
 *     the caller's previous floor is unchanged and this is {@code Long.MAX_VALUE}
 */
public record FolderChanges(long highestModseq, long uidNext, List<MessageState> changed, List<Long> expunged,
        long recentUidFloor) {

    public FolderChanges {
        changed = List.copyOf(changed);
        expunged = List.copyOf(expunged);
    }
}
