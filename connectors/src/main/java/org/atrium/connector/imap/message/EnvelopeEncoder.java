package org.atrium.connector.imap.message;

import org.atrium.connector.mime.Envelope;

/** Writes the ENVELOPE structure of RFC 3501 §7.4.2 (FETCH ENVELOPE). */
public final class EnvelopeEncoder {

    private EnvelopeEncoder() {
    }

    /** Writes {@code (date subject from sender reply-to to cc bcc in-reply-to message-id)}. */
    public static void write(Envelope envelope, ImapResponseBuilder out) {
        throw new UnsupportedOperationException("wip/imap-message");
    }
}
