package org.atrium.store.application.internal;

/**
 * Where one accepted recipient's copy of a message goes, as {@link RecipientRouter} decides at delivery time.
 */
public sealed interface Route {

    /** The INBOX of a local account (also a disabled one: what was accepted before it was disabled still arrives). */
    record Mailbox(String account) implements Route {
    }

    /** A mail-enabled public folder (ADR 0006). */
    record PublicFolder(long folderId, String address) implements Route {
    }

    /** A recipient in a domain not hosted here: the outbound queue relays it. */
    record Remote(String address) implements Route {
    }

    /**
     * Nothing can take it any more: the sender gets a DSN (RFC 3464).
     *
     * @param status the RFC 3463 status code, e.g. {@code 5.1.1}
     * @param reason a short text for the DSN and the tracking log
     */
    record Failed(String address, String status, String reason) implements Route {
    }
}
