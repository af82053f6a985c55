package org.atrium.connector.imap;

import java.util.List;

/** ENABLE (RFC 5161 §3.1); capability names upper case, in the order sent. */
public record EnableRequest(String tag, List<String> capabilities) implements ImapRequest {
    public EnableRequest {
        capabilities = List.copyOf(capabilities);
    }
}
