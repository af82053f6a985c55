package org.atrium.connector.mime;

import java.time.Instant;
import java.util.List;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * The header fields of a message (top-level or encapsulated in message/rfc822) that FETCH ENVELOPE, SEARCH and SORT
 * need. Strings are unfolded raw values (first occurrence), null when absent; {@code dateTime} is null when the Date
 * is absent or unparseable; {@code references} is never null.
 */
public record MessageHeaders(String date, Instant dateTime, String subject, AddressHeader from, AddressHeader sender,
        AddressHeader replyTo, AddressHeader to, AddressHeader cc, AddressHeader bcc, String inReplyTo,
        String messageId, List<String> references) {

    public static final MessageHeaders EMPTY =
            new MessageHeaders(null, null, null, null, null, null, null, null, null, null, null, List.of());

    public MessageHeaders {
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** Subject with RFC 2047 encoded-words decoded, or null. */
    public String decodedSubject() {
        return subject == null ? null : DecoderUtil.decodeEncodedWords(subject, DecodeMonitor.SILENT);
    }

    /** The ENVELOPE view, applying the RFC 3501 rule that Sender and Reply-To default to From. */
    public Envelope envelope() {
        List<MimeAddress> fromList = list(from);
        return new Envelope(date, subject, fromList,
                sender == null || sender.hasNoMailbox() ? fromList : sender.addresses(),
                replyTo == null || replyTo.hasNoMailbox() ? fromList : replyTo.addresses(),
                list(to), list(cc), list(bcc), inReplyTo, messageId);
    }

    private static List<MimeAddress> list(AddressHeader h) {
        return h == null ? List.of() : h.addresses();
    }
}
