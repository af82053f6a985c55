package org.atrium.store.domain;

/**
 * What an account row is (ADR 0006, ADR 0017): a person's mailbox, a resource's mailbox, or the holder of a public
 * folder tree. Only {@link #USER} accounts log in and appear in user listings; {@link #USER} and {@link #RESOURCE}
 * accounts receive mail and appear in the GAL.
 */
public enum AccountKind {
    /** A user's mailbox. */
    USER,
    /** The organisation's public folder tree (one). */
    PUBLIC_ORG,
    /** A domain's own public folder tree: that domain's users see it instead of the organisation's. */
    PUBLIC_DOMAIN,
    /** A room or equipment (ADR 0017): receives mail into its own mailbox, read by delegates; never logs in. */
    RESOURCE;

    /** Whether this account holds a public folder tree. */
    public boolean isPublic() {
        return this == PUBLIC_ORG || this == PUBLIC_DOMAIN;
    }

    /** Whether this account is a personal-style mailbox (own INBOX, mailbox grants): a user's or a resource's. */
    public boolean isMailbox() {
        return this == USER || this == RESOURCE;
    }
}
