package org.atrium.connector.imap;

/**
 * An IMAP command does not follow the formal syntax of RFC 3501 §9 / RFC 9051 §9; the message becomes the text of the
 * tagged BAD (RFC 3501 §7.1.3), so it names what was expected and never echoes client data.
 */
public final class ImapSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    public ImapSyntaxException(String message) {
        super(message, null, false, false);
    }
}
