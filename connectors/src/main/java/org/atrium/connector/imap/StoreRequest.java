package org.atrium.connector.imap;

import java.util.List;

/**
 * STORE or UID STORE (RFC 3501 §6.4.6) with CONDSTORE's UNCHANGEDSINCE (RFC 7162 §3.1.3).
 *
 * @param mode replace ({@code FLAGS}), add ({@code +FLAGS}) or remove ({@code -FLAGS})
 * @param silent {@code .SILENT}: no untagged FETCH for the change
 * @param unchangedSince the UNCHANGEDSINCE modifier, or null
 */
public record StoreRequest(String tag, boolean uid, SequenceSet set, Mode mode, boolean silent, List<String> flags,
        Long unchangedSince) implements ImapRequest {

    public enum Mode { REPLACE, ADD, REMOVE }

    public StoreRequest {
        flags = List.copyOf(flags);
    }
}
