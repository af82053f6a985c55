package org.atrium.connector.imap;

import java.util.Map;

/** SETQUOTA (RFC 9208 §4.2.3); resource names upper case, in the order sent. */
public record SetQuotaRequest(String tag, String root, Map<String, Long> limits) implements ImapRequest {

    public SetQuotaRequest {
        limits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(limits));
    }
}
