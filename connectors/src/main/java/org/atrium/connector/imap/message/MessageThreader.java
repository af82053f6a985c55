package org.atrium.connector.imap.message;

import java.io.IOException;
import java.util.List;

/** THREAD (RFC 5256 §4): ORDEREDSUBJECT and REFERENCES over the stored Message-ID/References/In-Reply-To. */
public final class MessageThreader {

    public enum Algorithm { ORDEREDSUBJECT, REFERENCES }

    private MessageThreader() {
    }

    /**
     * The thread list of the THREAD response (after {@code * THREAD }), e.g. {@code (2)(3 6 (4 23)(44 7 96))}, with
     * UIDs when {@code uid}, else sequence numbers; empty string for no messages.
     */
    public static String thread(Algorithm algorithm, List<SearchCandidate> messages, boolean uid) throws IOException {
        throw new UnsupportedOperationException("wip/imap-message");
    }
}
