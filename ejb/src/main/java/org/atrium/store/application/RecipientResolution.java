package org.atrium.store.application;

/**
 * What an address means here.
 *
 * @param kind LOCAL (an account or alias: deliver to {@code mailbox}), UNKNOWN_LOCAL (a hosted domain without that
 *        address), NOT_LOCAL (a domain not hosted here),
 *        PUBLIC_FOLDER (a mail-enabled public folder, ADR 0006: file into {@code folderId} if the sender may post),
 *        DISABLED (an account or alias of an account an administrator disabled: refuse new mail)
 * @param mailbox the canonical account address for LOCAL and DISABLED, the folder's address for PUBLIC_FOLDER, else
 *        null
 * @param folderId the folder for PUBLIC_FOLDER, else null
 */
public record RecipientResolution(Kind kind, String mailbox, Long folderId) {

    public enum Kind { LOCAL, UNKNOWN_LOCAL, NOT_LOCAL, PUBLIC_FOLDER, DISABLED }

    public RecipientResolution(Kind kind, String mailbox) {
        this(kind, mailbox, null);
    }
}
