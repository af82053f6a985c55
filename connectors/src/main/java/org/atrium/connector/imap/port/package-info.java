/**
 * The IMAP server's port to the store (ARCHITECTURE.md "ports"): {@link org.atrium.connector.imap.port.ImapMailStore}
 * and the value types it exchanges. Nothing here knows JPA, JTA or EJB.
 */
package org.atrium.connector.imap.port;
