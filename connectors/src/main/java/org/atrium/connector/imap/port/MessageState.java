package org.atrium.connector.imap.port;

import java.util.Set;

/** A message's UID, flags and MODSEQ as a session's view keeps them (RFC 3501 §2.3, RFC 7162 §3.1). */
public record MessageState(long uid, Set<String> flags, long modseq) {

    public MessageState {
        flags = Set.copyOf(flags);
    }
}
