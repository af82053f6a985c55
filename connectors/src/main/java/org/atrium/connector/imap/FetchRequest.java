package org.atrium.connector.imap;

import java.util.List;

/**
 * FETCH or UID FETCH (RFC 3501 §6.4.5, §6.4.8) with the CHANGEDSINCE and VANISHED modifiers (RFC 7162 §3.1.4,
 * §3.2.6). Macros are expanded (ALL, FAST, FULL). For UID FETCH the processor adds UID to the response as §6.4.8
 * requires; it is not added here, so the request shows what the client asked.
 *
 * @param changedSince the CHANGEDSINCE modifier, or null
 */
public record FetchRequest(String tag, boolean uid, SequenceSet set, List<FetchAttribute> attributes,
        Long changedSince, boolean vanished) implements ImapRequest {

    public FetchRequest {
        attributes = List.copyOf(attributes);
    }
}
