package org.atrium.connector.imap.port;

import java.util.List;

/**
 * A folder as SELECT/EXAMINE opened it (RFC 3501 §6.3.1, RFC 7162 §3.1.2).
 *
 * @param folderId the store's id; stays valid until the folder is deleted or renamed away
 * @param path the path as stored (INBOX upper case)
 * @param messages every message, ascending by UID (sequence number = index + 1)
 * @param recentUidFloor messages with a UID above this are \Recent for this session
 * @param keywords the keywords in use in the folder (for the FLAGS and PERMANENTFLAGS responses)
 * @param rights the caller's rights on the folder (RFC 4314 §2.1 letters, canonical order): the session opens it
 *        READ-ONLY and narrows PERMANENTFLAGS to what these allow (RFC 4314 §4)
 */
public record SelectedFolder(long folderId, String path, long uidValidity, long uidNext, long highestModseq,
        List<MessageState> messages, long recentUidFloor, List<String> keywords, String rights) {

    /** Every right (RFC 4314 §2.1): what the owner of a folder has. */
    public static final String ALL_RIGHTS = "lrswipkxtea";

    public SelectedFolder {
        messages = List.copyOf(messages);
        keywords = List.copyOf(keywords);
    }

    /** A folder opened by its owner, who has every right. */
    public SelectedFolder(long folderId, String path, long uidValidity, long uidNext, long highestModseq,
            List<MessageState> messages, long recentUidFloor, List<String> keywords) {
        this(folderId, path, uidValidity, uidNext, highestModseq, messages, recentUidFloor, keywords, ALL_RIGHTS);
    }
}
