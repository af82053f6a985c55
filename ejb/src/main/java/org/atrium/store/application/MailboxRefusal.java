package org.atrium.store.application;

/**
 * A folder or message operation refused for a reason the user can act on (the IMAP adapter maps {@link Reason} to
 * the response codes of RFC 5530). Rolls the transaction back, like every {@link StoreException}.
 */
public class MailboxRefusal extends StoreException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** The folder (or message) does not exist, or is not the caller's. */
        NO_SUCH_FOLDER(Code.NOT_FOUND),
        /** The target name is taken. */
        EXISTS(Code.CONFLICT),
        /** The folder has subfolders and cannot be deleted. */
        HAS_CHILDREN(Code.CONFLICT),
        /** The change would exceed the account's quota. */
        OVER_QUOTA(Code.FORBIDDEN),
        /** The name or value is invalid, or the operation is not possible on this folder (e.g. deleting INBOX). */
        CANNOT(Code.INVALID),
        /** A size or count limit other than the quota. */
        LIMIT(Code.INVALID),
        /** The caller lacks the right the operation needs (RFC 4314 §4: administer, {@code a}). */
        NO_PERMISSION(Code.FORBIDDEN);

        private final Code code;

        Reason(Code code) {
            this.code = code;
        }
    }

    private final Reason reason;

    public MailboxRefusal(Reason reason, String message) {
        super(reason.code, null, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
