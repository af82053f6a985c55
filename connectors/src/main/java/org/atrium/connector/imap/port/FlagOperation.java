package org.atrium.connector.imap.port;

/** How STORE changes flags (RFC 3501 §6.4.6: FLAGS, +FLAGS, -FLAGS). */
public enum FlagOperation {
    REPLACE, ADD, REMOVE
}
