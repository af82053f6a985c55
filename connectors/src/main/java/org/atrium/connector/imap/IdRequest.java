package org.atrium.connector.imap;

import java.util.Map;

/**
 * ID (RFC 2971 §3.1): the client's identification, empty for {@code NIL}. Field names are kept as sent; a null value
 * stands for NIL.
 */
public record IdRequest(String tag, Map<String, String> parameters) implements ImapRequest {
}
