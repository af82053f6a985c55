package org.atrium.connector.imap.message;

import org.atrium.connector.mime.MimePart;

/** Writes BODY and BODYSTRUCTURE (RFC 3501 §7.4.2, §9 {@code body}), nested message/rfc822 parts included. */
public final class BodyStructureEncoder {

    private BodyStructureEncoder() {
    }

    /**
     * @param extensionData true for BODYSTRUCTURE (with the extension data: MD5, disposition, language, location,
     *     multipart parameters), false for BODY
     */
    public static void write(MimePart part, boolean extensionData, ImapResponseBuilder out) {
        throw new UnsupportedOperationException("wip/imap-message");
    }
}
