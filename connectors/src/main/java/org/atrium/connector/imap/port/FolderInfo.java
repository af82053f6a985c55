package org.atrium.connector.imap.port;

/**
 * A folder as LIST shows it (RFC 3501 §6.3.8, RFC 6154 special use, RFC 3348 children).
 *
 * @param path full path as the user names it: {@code INBOX} for the inbox, {@code Other Users/<address>/...} for
 *        another user's folder, {@code Public Folders/...} for a public folder (RFC 2342 namespaces, ADR 0006)
 * @param specialUse {@code \Sent}, {@code \Drafts}, {@code \Trash}, {@code \Junk}, {@code \Archive} ..., or null
 * @param subscribed whether the user subscribed to it
 * @param hasChildren whether it has subfolders the user may see
 * @param selectable false for a name that only exists as the parent of what the user may see (a namespace root such
 *        as {@code Other Users}, another user's name, or a folder the user may not look up): LIST shows it
 *        {@code \Noselect} (RFC 3501 §7.2.2)
 */
public record FolderInfo(String path, String specialUse, boolean subscribed, boolean hasChildren, boolean selectable) {

    /** A folder the user can select. */
    public FolderInfo(String path, String specialUse, boolean subscribed, boolean hasChildren) {
        this(path, specialUse, subscribed, hasChildren, true);
    }
}
