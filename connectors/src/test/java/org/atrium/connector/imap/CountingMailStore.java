package org.atrium.connector.imap;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.atrium.connector.imap.port.AclOperation;
import org.atrium.connector.imap.port.AppendResult;
import org.atrium.connector.imap.port.CopyResult;
import org.atrium.connector.imap.port.FlagOperation;
import org.atrium.connector.imap.port.FolderChanges;
import org.atrium.connector.imap.port.FolderInfo;
import org.atrium.connector.imap.port.FolderStatus;
import org.atrium.connector.imap.port.ImapMailStore;
import org.atrium.connector.imap.port.MailboxException;
import org.atrium.connector.imap.port.MessageDetails;
import org.atrium.connector.imap.port.QuotaInfo;
import org.atrium.connector.imap.port.SelectedFolder;
import org.atrium.connector.imap.port.StoreResult;

/** Delegates to an {@link InMemoryMailStore} and records the message reads, to check what a command loads. */
final class CountingMailStore implements ImapMailStore {

    private final InMemoryMailStore delegate;
    /** The UID lists of each {@code details} call. */
    final List<List<Long>> detailsCalls = new ArrayList<>();
    /** The UIDs opened, in order. */
    final List<Long> opened = new ArrayList<>();
    /** When not negative, streams from {@code open} fail after this many octets (a broken blob store). */
    int failAfter = -1;

    CountingMailStore(InMemoryMailStore delegate) {
        this.delegate = delegate;
    }

    void reset() {
        detailsCalls.clear();
        opened.clear();
    }

    @Override
    public Optional<String> authenticate(String user, String password, String clientIp) {
        return delegate.authenticate(user, password, clientIp);
    }

    @Override
    public List<FolderInfo> folders(String account) {
        return delegate.folders(account);
    }

    @Override
    public FolderInfo create(String account, String path) throws MailboxException {
        return delegate.create(account, path);
    }

    @Override
    public void delete(String account, String path) throws MailboxException {
        delegate.delete(account, path);
    }

    @Override
    public void rename(String account, String from, String to) throws MailboxException {
        delegate.rename(account, from, to);
    }

    @Override
    public void setSubscribed(String account, String path, boolean subscribed) throws MailboxException {
        delegate.setSubscribed(account, path, subscribed);
    }

    @Override
    public FolderStatus status(String account, String path) throws MailboxException {
        return delegate.status(account, path);
    }

    @Override
    public SelectedFolder select(String account, String path, boolean readOnly) throws MailboxException {
        return delegate.select(account, path, readOnly);
    }

    @Override
    public FolderChanges changes(String account, long folderId, long sinceModseq, boolean claimRecent)
            throws MailboxException {
        return delegate.changes(account, folderId, sinceModseq, claimRecent);
    }

    @Override
    public List<MessageDetails> details(String account, long folderId, List<Long> uids) throws MailboxException {
        detailsCalls.add(List.copyOf(uids));
        return delegate.details(account, folderId, uids);
    }

    @Override
    public InputStream open(String account, long folderId, long uid) throws MailboxException, IOException {
        opened.add(uid);
        InputStream in = delegate.open(account, folderId, uid);
        if (failAfter < 0) {
            return in;
        }
        int limit = failAfter;
        return new java.io.FilterInputStream(in) {
            private int read;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read >= limit) {
                    throw new IOException("connection to blob store reset");
                }
                int n = super.read(b, off, Math.min(len, limit - read));
                read += Math.max(0, n);
                return n;
            }
        };
    }

    @Override
    public StoreResult store(String account, long folderId, List<Long> uids, FlagOperation operation,
            Set<String> flags, long unchangedSince) throws MailboxException {
        return delegate.store(account, folderId, uids, operation, flags, unchangedSince);
    }

    @Override
    public List<Long> expunge(String account, long folderId, List<Long> uids) throws MailboxException {
        return delegate.expunge(account, folderId, uids);
    }

    @Override
    public AppendResult append(String account, String path, byte[] message, Set<String> flags, Instant internalDate)
            throws MailboxException {
        return delegate.append(account, path, message, flags, internalDate);
    }

    @Override
    public CopyResult copy(String account, long folderId, List<Long> uids, String targetPath, boolean move)
            throws MailboxException {
        return delegate.copy(account, folderId, uids, targetPath, move);
    }

    @Override
    public QuotaInfo quota(String account) {
        return delegate.quota(account);
    }

    @Override
    public AutoCloseable watch(long folderId, Runnable listener) {
        return delegate.watch(folderId, listener);
    }

    @Override
    public Map<String, String> getAcl(String account, String path) throws MailboxException {
        return delegate.getAcl(account, path);
    }

    @Override
    public void setAcl(String account, String path, String identifier, AclOperation operation, String rights)
            throws MailboxException {
        delegate.setAcl(account, path, identifier, operation, rights);
    }

    @Override
    public void deleteAcl(String account, String path, String identifier) throws MailboxException {
        delegate.deleteAcl(account, path, identifier);
    }

    @Override
    public String myRights(String account, String path) throws MailboxException {
        return delegate.myRights(account, path);
    }
}
