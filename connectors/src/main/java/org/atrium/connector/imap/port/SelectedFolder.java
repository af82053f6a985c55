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
 */
public record SelectedFolder(long folderId, String path, long uidValidity, long uidNext, long highestModseq,
        List<MessageState> messages, long recentUidFloor, List<String> keywords) {

    public SelectedFolder {
        messages = List.copyOf(messages);
        keywords = List.copyOf(keywords);
    }
}
