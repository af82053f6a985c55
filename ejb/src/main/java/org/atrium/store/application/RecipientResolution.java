package org.atrium.store.application;

/**
 * What an address means here.
 *
 * @param kind LOCAL (an account or alias: deliver to {@code mailbox}), UNKNOWN_LOCAL (a hosted domain without that
 *        address), NOT_LOCAL (a domain not hosted here),
 *        PUBLIC_FOLDER (a mail-enabled public folder, ADR 0006: file into {@code folderId} if the sender may post)
 * @param mailbox the canonical account address for LOCAL, the folder's address for PUBLIC_FOLDER, else null
 * @param folderId the folder for PUBLIC_FOLDER, else null
 */
public record RecipientResolution(Kind kind, String mailbox, Long folderId) {

    public enum Kind { LOCAL, UNKNOWN_LOCAL, NOT_LOCAL, PUBLIC_FOLDER }

    public RecipientResolution(Kind kind, String mailbox) {
        this(kind, mailbox, null);
    }
}
