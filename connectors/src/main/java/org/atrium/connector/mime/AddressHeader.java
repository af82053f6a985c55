package org.atrium.connector.mime;

import java.util.List;
import java.util.Objects;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/** An address header: its unfolded raw value and the addresses parsed from it (never null, possibly empty). */
public record AddressHeader(String raw, List<MimeAddress> addresses) {
    public AddressHeader {
        Objects.requireNonNull(raw);
        addresses = List.copyOf(addresses);
    }

    /** The raw value with RFC 2047 encoded-words decoded. */
    public String decoded() {
        return DecoderUtil.decodeEncodedWords(raw, DecodeMonitor.SILENT);
    }

    /** True when no mailbox is in the list (absent-or-empty rule of RFC 3501 for Sender and Reply-To). */
    public boolean hasNoMailbox() {
        return addresses.stream().noneMatch(a -> a.kind() == MimeAddress.Kind.MAILBOX);
    }
}
