package org.atrium.connector.smtp;

/**
 * The store's verdict on one recipient.
 *
 * @param outcome what the SMTP server answers
 * @param address the canonical address to deliver to (an alias resolved, case folded); null unless accepted
 */
public record RecipientCheck(Outcome outcome, String address) {

    public enum Outcome {
        /** Hosted here (or relay permitted): 250. */
        ACCEPT,
        /** A domain hosted here, but no such mailbox: 550 5.1.1 (RFC 3463). */
        UNKNOWN_USER,
        /** Not hosted here and the client may not relay: 550 5.7.1. */
        RELAY_DENIED,
        /** A mail-enabled folder the sender may not post to (ADR 0006): 550 5.7.1 (RFC 3463). */
        POST_DENIED,
        /** A distribution list that takes mail from its members only, and the sender is none (ADR 0012): 550 5.7.1. */
        SENDER_DENIED,
        /** An account disabled by an administrator: 550 5.2.1 (RFC 3463, mailbox disabled). */
        DISABLED,
        /**
         * A mail-enabled folder above its prohibit level, or an account at its quota (RFC 9208 §5): 552 5.2.2
         * (RFC 3463, mailbox full).
         */
        MAILBOX_FULL,
        /** The store cannot decide now (database down): 451 4.3.0. */
        TEMPORARY_FAILURE
    }

    public static RecipientCheck accept(String canonicalAddress) {
        return new RecipientCheck(Outcome.ACCEPT, canonicalAddress);
    }

    public static RecipientCheck of(Outcome outcome) {
        return new RecipientCheck(outcome, null);
    }
}
