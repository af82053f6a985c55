package org.atrium.connector.imap;

/** A command without arguments ({@link SimpleCommand}). */
public record SimpleRequest(String tag, SimpleCommand command) implements ImapRequest {
}
