package org.atrium.connector.imap.message;

import java.io.IOException;
import java.util.List;

/** SORT (RFC 5256 §3): orders messages by the criteria, ties broken by sequence number. */
public final class MessageSorter {

    /** A sort key (RFC 5256 §3 {@code sort-key}), possibly REVERSE; DISPLAYFROM/DISPLAYTO from RFC 5957. */
    public record Criterion(Key key, boolean reverse) {
        public enum Key { ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO, DISPLAYFROM, DISPLAYTO }
    }

    private MessageSorter() {
    }

    public static List<SearchCandidate> sort(List<Criterion> criteria, List<SearchCandidate> messages)
            throws IOException {
        throw new UnsupportedOperationException("wip/imap-message");
    }
}
