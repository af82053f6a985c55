package org.atrium.connector.pop3;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;

/**
 * An exclusively locked maildrop as one POP3 session sees it: the messages present when it was opened, numbered
 * from 1 in that order for the whole session (RFC 1939 §5). Closing releases the lock.
 */
public interface Maildrop extends AutoCloseable {

    /** The messages at open time, oldest first. Message number n is {@code entries().get(n - 1)}. */
    List<MaildropEntry> entries();

    /** The message's octets as stored: RFC 5322 text with CR LF line ends, not dot-stuffed. */
    InputStream open(MaildropEntry entry) throws IOException;

    /**
     * Removes messages for good: called only in the UPDATE state after QUIT (RFC 1939 §6), never on a lost
     * connection. All or nothing.
     *
     * @throws IOException when the removal could not be committed; nothing was removed
     */
    void expunge(Collection<MaildropEntry> entries) throws IOException;

    /** Keeps the exclusive lock alive during a long session; cheap, called on activity. */
    void touch();

    /** Releases the lock without removing anything. Idempotent. */
    @Override
    void close();
}
