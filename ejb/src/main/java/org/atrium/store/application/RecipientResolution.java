package org.atrium.store.application;

/**
 * What an address means here.
 *
 * @param kind LOCAL (an account or alias: deliver to {@code mailbox}), UNKNOWN_LOCAL (a hosted domain without that
 *        address), NOT_LOCAL (a domain not hosted here)
 * @param mailbox the canonical account address for LOCAL, else null
 */
public record RecipientResolution(Kind kind, String mailbox) {

    public enum Kind { LOCAL, UNKNOWN_LOCAL, NOT_LOCAL }
}
