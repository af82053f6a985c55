package org.atrium.store.domain;

/**
 * What an account row is (ADR 0006): a person's mailbox, or the holder of a public folder tree. Only {@link #USER}
 * accounts log in, receive mail, appear in the GAL and in user listings.
 */
public enum AccountKind {
    /** A user's mailbox. */
    USER,
    /** The organisation's public folder tree (one). */
    PUBLIC_ORG,
    /** A domain's own public folder tree: that domain's users see it instead of the organisation's. */
    PUBLIC_DOMAIN;

    /** Whether this account holds a public folder tree. */
    public boolean isPublic() {
        return this != USER;
    }
}
