package org.atrium.connector.net;

/** Creates the session for a newly accepted connection of one listener. */
@FunctionalInterface
public interface SessionFactory {
    ProtocolSession create(ConnectionInfo connection, SessionOutput output);
}
