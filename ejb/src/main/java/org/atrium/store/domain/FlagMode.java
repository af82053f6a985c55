package org.atrium.store.domain;

/** How a flag change applies to a message's flags (RFC 3501 §6.4.6: FLAGS, +FLAGS, -FLAGS). */
public enum FlagMode {
    REPLACE, ADD, REMOVE
}
