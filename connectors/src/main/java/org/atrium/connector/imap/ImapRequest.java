package org.atrium.connector.imap;

/**
 * A parsed IMAP command (RFC 3501 §6, RFC 9051 §6), ready for its processor. Requests are immutable records holding
 * only what the client sent; whether the command is allowed in the session's state is the session's check.
 */
public interface ImapRequest {

    /** The client's tag, echoed in the tagged response. */
    String tag();
}
