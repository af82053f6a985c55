package org.atrium.store.application;

/**
 * What an address means here.
 *
 * @param kind LOCAL (an account or alias: deliver to {@code mailbox}), UNKNOWN_LOCAL (a hosted domain without that
 *        address), NOT_LOCAL (a domain not hosted here),
 *        PUBLIC_FOLDER (a mail-enabled public folder, ADR 0006: file into {@code folderId} if the sender may post),
 *        DISABLED (an account or alias of an account an administrator disabled: refuse new mail),
 *        GROUP (a distribution group, ADR 0012: expanded into its members at delivery),
 *        FORWARD (an unknown address of a hosted domain whose catch-all names an address outside: relay to
 *        {@code mailbox}, whatever the client's relay permission, since the domain's administrator chose it)
 * @param mailbox the canonical account address for LOCAL and DISABLED, the folder's address for PUBLIC_FOLDER, the
 *        group's address for GROUP, the outside address for FORWARD, else null
 * @param folderId the folder for PUBLIC_FOLDER, else null
 */
public record RecipientResolution(Kind kind, String mailbox, Long folderId) {

    public enum Kind { LOCAL, UNKNOWN_LOCAL, NOT_LOCAL, PUBLIC_FOLDER, DISABLED, GROUP, FORWARD }

    public RecipientResolution(Kind kind, String mailbox) {
        this(kind, mailbox, null);
    }
}
