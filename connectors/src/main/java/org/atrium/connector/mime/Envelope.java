package org.atrium.connector.mime;

import java.util.List;

/**
 * The data of an IMAP ENVELOPE (RFC 3501 §7.4.2, RFC 9051 §7.5.2), protocol-neutral: strings are the unfolded raw
 * header values (encoded-words kept, as IMAP sends them), null where the header is absent. {@code sender} and
 * {@code replyTo} already default to {@code from} when absent or empty. Address lists are never null.
 */
public record Envelope(String date, String subject, List<MimeAddress> from, List<MimeAddress> sender,
        List<MimeAddress> replyTo, List<MimeAddress> to, List<MimeAddress> cc, List<MimeAddress> bcc,
        String inReplyTo, String messageId) {
}
