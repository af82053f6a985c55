package org.atrium.connector.imap;

/** GETQUOTA (RFC 9208 §4.2.1). */
public record GetQuotaRequest(String tag, String root) implements ImapRequest {
}
