package org.atrium.connector.pop3;

/**
 * One message of a maildrop.
 *
 * @param id the store's id, opaque to POP3
 * @param uniqueId the UIDL value (RFC 1939 §7): 1 to 70 characters in 0x21..0x7E, stable across sessions
 * @param size the exact size in octets (RFC 1939 §5: "the exact size of the message in octets")
 */
public record MaildropEntry(long id, String uniqueId, long size) {
}
