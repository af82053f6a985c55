package org.atrium.connector.imap.port;

/**
 * A store operation was refused for a reason the client can act on; {@link #code()} is the IMAP response code
 * (RFC 5530, RFC 3501 §7.1) the session sends with {@code NO}.
 */
public class MailboxException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why; each maps to one response code. */
    public enum Code {
        NONEXISTENT, ALREADYEXISTS, TRYCREATE, CANNOT, HASCHILDREN, OVERQUOTA, LIMIT, INUSE, NOPERM, TOOBIG,
        SERVERBUG;

        /** The response code as sent, e.g. {@code TRYCREATE}. */
        public String text() {
            return name();
        }
    }

    private final Code code;

    public MailboxException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
