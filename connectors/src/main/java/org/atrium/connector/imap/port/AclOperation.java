package org.atrium.connector.imap.port;

/**
 * How SETACL changes an identifier's rights (RFC 4314 §3.1): a leading {@code +} adds the given rights, a leading
 * {@code -} removes them, no prefix replaces them.
 */
public enum AclOperation {
    ADD, REMOVE, REPLACE
}
