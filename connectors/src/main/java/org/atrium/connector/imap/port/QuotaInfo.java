package org.atrium.connector.imap.port;

/**
 * The account's quota root (RFC 9208 §5): usage and limits; a negative limit means none.
 *
 * @param storageKib usage of STORAGE in units of 1024 octets
 */
public record QuotaInfo(long storageKib, long storageLimitKib, long messages, long messageLimit) {
}
