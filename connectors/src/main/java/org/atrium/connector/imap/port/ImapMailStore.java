package org.atrium.connector.imap.port;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Port: what the IMAP server needs from the store (RFC 3501, RFC 9051 and the extensions the server advertises).
 * The store implements it; the IMAP session never sees an entity or a transaction.
 *
 * <p>Conventions of every method:
 * <ul>
 * <li>{@code account} is the canonical address returned by {@link #authenticate}; a folder is named by its path with
 * {@link #DELIMITER} between levels and {@code INBOX} (upper case) for the inbox.</li>
 * <li>Flags are IMAP flag names: the system flags {@code \Seen \Answered \Flagged \Deleted \Draft} as spelled in
 * RFC 3501 §2.3.2 (compared case-insensitively, returned in that spelling) and keywords (atoms, case kept).
 * {@code \Recent} is never stored: it is the session's, from {@link SelectedFolder#recentUidFloor()}.</li>
 * <li>UIDs go to the store in ascending order; lists of messages come back ascending by UID.</li>
 * <li>Every call blocks and runs in its own transaction; a {@link MailboxException} carries the IMAP response code.
 * </li>
 * </ul>
 */
public interface ImapMailStore {

    /** Hierarchy delimiter of folder paths (RFC 3501 §6.3.8). */
    char DELIMITER = '/';

    /**
     * Prefix of the other users' namespace (RFC 2342 §5): {@code Other Users/<address>/<path>} names a folder of
     * another user that the caller may look up. ADR 0006.
     */
    String OTHER_USERS = "Other Users";

    /** Prefix of the shared namespace (RFC 2342 §5): {@code Public Folders/<path>} names a public folder. ADR 0006. */
    String PUBLIC_FOLDERS = "Public Folders";

    /**
     * Checks a user's credentials (RFC 3501 §6.2.3 LOGIN, RFC 4616 PLAIN). Implementations compare slow salted hashes,
     * count failures per address and make failed attempts slow.
     *
     * @return the canonical account address when the credentials are right and the account may use IMAP
     */
    Optional<String> authenticate(String user, String password, String clientIp);

    /**
     * Asked after a successful {@link #authenticate}: whether the account may not use this protocol (ADR 0016, a
     * class of service without it). A refusal is no password failure: it is neither throttled nor counted.
     *
     * @param account the canonical address authenticate returned
     * @return why the login is refused (the class of service's name), or empty when it may go on
     */
    default Optional<String> loginRefusal(String account, String clientIp) {
        return Optional.empty();
    }

    /**
     * Whether the shared namespace {@link #PUBLIC_FOLDERS} exists for the account (ADR 0016: a class of service may
     * deny it); NAMESPACE (RFC 2342 §5) leaves it out when not. The store hides and refuses the folders themselves.
     */
    default boolean publicFoldersVisible(String account) {
        return true;
    }

    /**
     * Every folder the account may see (its own, then other users' and public folders it has the {@code l} right
     * on, with the names above them as not selectable), INBOX first, then by path (RFC 3501 §6.3.8 LIST reads this).
     */
    List<FolderInfo> folders(String account);

    /**
     * Creates a folder and any missing parents (RFC 3501 §6.3.3).
     *
     * @throws MailboxException ALREADYEXISTS when it exists (INBOX in any case), CANNOT for an invalid name
     */
    FolderInfo create(String account, String path) throws MailboxException;

    /**
     * Deletes a folder and its messages (RFC 3501 §6.3.4).
     *
     * @throws MailboxException NONEXISTENT; CANNOT for INBOX; HASCHILDREN when it has subfolders
     */
    void delete(String account, String path) throws MailboxException;

    /**
     * Renames a folder with its subfolders (RFC 3501 §6.3.5). Renaming INBOX moves its messages into a new folder
     * of the new name and leaves INBOX empty.
     *
     * @throws MailboxException NONEXISTENT, ALREADYEXISTS for the target, CANNOT
     */
    void rename(String account, String from, String to) throws MailboxException;

    /**
     * SUBSCRIBE/UNSUBSCRIBE (RFC 3501 §6.3.6-7). Subscribing to a name that does not exist is refused (NONEXISTENT);
     * unsubscribing from one succeeds.
     */
    void setSubscribed(String account, String path, boolean subscribed) throws MailboxException;

    /** STATUS (RFC 3501 §6.3.10, RFC 7162 HIGHESTMODSEQ, RFC 8438 SIZE). @throws MailboxException NONEXISTENT */
    FolderStatus status(String account, String path) throws MailboxException;

    /**
     * Opens a folder for SELECT ({@code readOnly == false}) or EXAMINE (RFC 3501 §6.3.1-2): the current messages and
     * counters. A read-write open claims the \Recent messages: later opens of any session no longer see them as
     * recent (RFC 3501 §2.3.2).
     *
     * @throws MailboxException NONEXISTENT
     */
    SelectedFolder select(String account, String path, boolean readOnly) throws MailboxException;

    /**
     * What changed in a selected folder since {@code sinceModseq}: messages added or whose flags changed, and UIDs
     * expunged, with MODSEQ greater than it (RFC 7162 §3.1, §3.2.5.2 for the expunge history QRESYNC needs). A
     * read-write session passes {@code claimRecent} to take the \Recent of new messages.
     *
     * @throws MailboxException NONEXISTENT when the folder was deleted meanwhile
     */
    FolderChanges changes(String account, long folderId, long sinceModseq, boolean claimRecent)
            throws MailboxException;

    /** Metadata of messages, parsed at delivery (for FETCH ENVELOPE/BODYSTRUCTURE/sections and SEARCH/SORT). */
    List<MessageDetails> details(String account, long folderId, List<Long> uids) throws MailboxException;

    /**
     * The raw message. The caller closes the stream.
     *
     * @throws MailboxException NONEXISTENT when the message is gone (expunged by another session)
     */
    InputStream open(String account, long folderId, long uid) throws MailboxException, IOException;

    /**
     * STORE (RFC 3501 §6.4.6) with UNCHANGEDSINCE (RFC 7162 §3.1.3): changes the flags of the given messages that
     * still exist; each changed message gets a new MODSEQ. A message whose MODSEQ is greater than
     * {@code unchangedSince} (when it is not negative) is left alone and reported in {@link StoreResult#failed()}.
     */
    StoreResult store(String account, long folderId, List<Long> uids, FlagOperation operation, Set<String> flags,
            long unchangedSince) throws MailboxException;

    /**
     * EXPUNGE (RFC 3501 §6.4.3) or UID EXPUNGE (RFC 4315 §2.1) when {@code uids} is not null: removes the messages
     * flagged \Deleted (of those given), records them in the expunge history and frees their content references.
     *
     * @return the UIDs expunged, ascending
     */
    List<Long> expunge(String account, long folderId, List<Long> uids) throws MailboxException;

    /**
     * APPEND (RFC 3501 §6.3.11, RFC 4315 APPENDUID): stores and parses the message and files it.
     *
     * @param internalDate the date-time the client gave (RFC 3501 §6.3.11), or null for the time of appending
     * @throws MailboxException TRYCREATE when the folder does not exist, OVERQUOTA, TOOBIG/LIMIT
     */
    AppendResult append(String account, String path, byte[] message, Set<String> flags, Instant internalDate)
            throws MailboxException;

    /**
     * COPY (RFC 3501 §6.4.7, RFC 4315 COPYUID) or MOVE (RFC 6851) of the messages that still exist; MOVE also
     * expunges them from the source (recorded in its expunge history). Content is shared, not copied.
     *
     * @throws MailboxException TRYCREATE when the target does not exist, OVERQUOTA
     */
    CopyResult copy(String account, long folderId, List<Long> uids, String targetPath, boolean move)
            throws MailboxException;

    /** Usage and limits of the account's quota root (RFC 9208 STORAGE in KiB, MESSAGE). */
    QuotaInfo quota(String account);

    /**
     * GETACL (RFC 4314 §3.3): the access control list of a folder, identifier to rights. Identifiers are lower-case
     * account addresses or {@code anyone} (RFC 4314 §2); rights are letters of {@code lrswipkxtea} in that order.
     * The owner comes first, with every right (the owner's rights are implicit and cannot be changed), then the
     * stored entries by identifier.
     *
     * @throws MailboxException NONEXISTENT; NOPERM when the caller lacks the {@code a} right
     */
    Map<String, String> getAcl(String account, String path) throws MailboxException;

    /**
     * SETACL (RFC 4314 §3.1): adds, removes or replaces {@code identifier}'s rights; an entry left with no rights
     * is removed.
     *
     * @param identifier an account address (compared case-insensitively) or {@code anyone}
     * @param rights canonical rights letters, obsolete {@code c}/{@code d} already expanded (RFC 4314 §2.1.1)
     * @throws MailboxException NONEXISTENT; NOPERM when the caller lacks the {@code a} right; CANNOT for the owner's
     *         identifier or an identifier that is neither an address nor {@code anyone}
     */
    void setAcl(String account, String path, String identifier, AclOperation operation, String rights)
            throws MailboxException;

    /**
     * DELETEACL (RFC 4314 §3.2): removes {@code identifier}'s entry; succeeds when there is none.
     *
     * @throws MailboxException NONEXISTENT; NOPERM without the {@code a} right; CANNOT for the owner's identifier
     */
    void deleteAcl(String account, String path, String identifier) throws MailboxException;

    /**
     * MYRIGHTS (RFC 4314 §3.5): the caller's rights on a folder in canonical order; the owner has all of them.
     *
     * @throws MailboxException NONEXISTENT
     */
    String myRights(String account, String path) throws MailboxException;

    /**
     * Asks to be told when a folder changes (a delivery, another session's STORE, EXPUNGE, APPEND...), for untagged
     * updates and IDLE. The listener runs on some other thread shortly after the change committed; it must only
     * schedule work. Closing the returned handle stops the calls.
     */
    AutoCloseable watch(long folderId, Runnable listener);
}
