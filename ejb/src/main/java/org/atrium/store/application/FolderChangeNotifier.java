package org.atrium.store.application;

/**
 * Tells interested sessions that a folder changed (a delivery, an IMAP STORE/EXPUNGE/APPEND/COPY, a POP3 deletion),
 * for IMAP untagged updates and IDLE (RFC 2177). In-memory on this node for now; across a cluster it becomes a JMS
 * topic carrying folder ids behind this same interface (ARCHITECTURE.md "Events cross layers as small JMS messages").
 */
public interface FolderChangeNotifier {

    /**
     * Records that a folder changes in the caller's transaction. Listeners run after the transaction commits, never
     * if it rolls back; without a transaction they run at once. Never blocks.
     */
    void changed(long folderId);

    /**
     * Calls {@code listener} after each committed change of the folder, on another thread; the listener must only
     * schedule work (it is shared by all changes of all folders). Closing the handle stops the calls.
     */
    AutoCloseable watch(long folderId, Runnable listener);
}
