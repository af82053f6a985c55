package org.atrium.connector.imap.port;

import java.util.List;

/**
 * Outcome of STORE.
 *
 * @param updated the messages whose flags changed, with their new state and MODSEQ
 * @param unchanged the messages that existed but whose flags were already as asked (their state, MODSEQ unchanged)
 * @param failed UIDs refused by UNCHANGEDSINCE (RFC 7162 §3.1.3 MODIFIED)
 */
public record StoreResult(List<MessageState> updated, List<MessageState> unchanged, List<Long> failed) {

    public StoreResult {
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        failed = List.copyOf(failed);
    }
}
