package org.atrium.connector.imap.port;

/**
 * Counters of a folder (RFC 3501 §6.3.10 STATUS; RFC 7162 HIGHESTMODSEQ; RFC 8438 SIZE).
 *
 * @param recent messages no read-write session has seen yet
 * @param size total octets of its messages
 */
public record FolderStatus(long messages, long recent, long uidNext, long uidValidity, long unseen,
        long highestModseq, long size, long deleted) {
}
