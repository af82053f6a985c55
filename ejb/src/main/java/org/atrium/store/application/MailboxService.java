package org.atrium.store.application;

import jakarta.ejb.Local;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.atrium.store.domain.Account;

/** A user's folders and the messages in them. */
@Local
public interface MailboxService {

    /** Creates INBOX, Sent, Drafts, Trash and Junk with their special uses (RFC 6154) for a new account. */
    void createDefaultFolders(Account account);

    /** The INBOX messages not marked \Deleted, in UID order. */
    List<MessageRef> inbox(String account);

    /** Opens a message's content; the item must belong to the account. */
    InputStream open(String account, long itemId) throws IOException;

    /**
     * Removes items for good, all or nothing; content is freed when its last reference goes.
     *
     * @return how many items were removed
     */
    int expunge(String account, Collection<Long> itemIds);

    /** Takes the POP3 exclusive lock as a lease (RFC 1939 §8); empty when another session holds it. */
    Optional<String> acquireMaildropLock(String account, Duration lease);

    /** Extends a lease held with the token; false if it was lost. */
    boolean renewMaildropLock(String account, String token, Duration lease);

    void releaseMaildropLock(String account, String token);
}
