package org.atrium.connector.imap.port;

import java.time.Instant;
import org.atrium.connector.mime.ParsedMessage;

/**
 * What FETCH and SEARCH read of a message without opening its content (ARCHITECTURE.md "IMAP-ready metadata").
 *
 * @param structure headers, envelope and body structure with byte offsets into the raw message
 */
public record MessageDetails(long uid, Instant internalDate, long size, ParsedMessage structure) {
}
