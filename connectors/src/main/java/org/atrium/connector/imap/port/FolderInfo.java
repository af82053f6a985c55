package org.atrium.connector.imap.port;

/**
 * A folder as LIST shows it (RFC 3501 §6.3.8, RFC 6154 special use, RFC 3348 children).
 *
 * @param path full path, {@code INBOX} for the inbox
 * @param specialUse {@code \Sent}, {@code \Drafts}, {@code \Trash}, {@code \Junk}, {@code \Archive} ..., or null
 * @param subscribed whether the user subscribed to it
 * @param hasChildren whether it has subfolders
 */
public record FolderInfo(String path, String specialUse, boolean subscribed, boolean hasChildren) {
}
