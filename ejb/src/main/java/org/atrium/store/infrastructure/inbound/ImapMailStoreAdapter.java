package org.atrium.store.infrastructure.inbound;

import jakarta.ejb.EJBException;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityNotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.atrium.connector.imap.port.AclOperation;
import org.atrium.connector.imap.port.AppendResult;
import org.atrium.connector.imap.port.CopyResult;
import org.atrium.connector.imap.port.FlagOperation;
import org.atrium.connector.imap.port.FolderChanges;
import org.atrium.connector.imap.port.FolderInfo;
import org.atrium.connector.imap.port.FolderStatus;
import org.atrium.connector.imap.port.ImapMailStore;
import org.atrium.connector.imap.port.MailboxException;
import org.atrium.connector.imap.port.MailboxException.Code;
import org.atrium.connector.imap.port.MessageDetails;
import org.atrium.connector.imap.port.MessageState;
import org.atrium.connector.imap.port.QuotaInfo;
import org.atrium.connector.imap.port.SelectedFolder;
import org.atrium.connector.imap.port.StoreResult;
import org.atrium.connector.mime.ParsedMessage;
import org.atrium.store.application.ContentSummary;
import org.atrium.store.application.ClassOfServiceService;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.FolderAclService;
import org.atrium.store.application.FolderChangeNotifier;
import org.atrium.store.application.FolderService;
import org.atrium.store.application.FolderService.FolderCounters;
import org.atrium.store.application.FolderService.FolderView;
import org.atrium.store.application.MailboxRefusal;
import org.atrium.store.application.MessageService;
import org.atrium.store.application.MessageService.ItemState;
import org.atrium.store.application.internal.BlobStoreHolder;
import org.atrium.store.application.internal.LoginFailures;
import org.atrium.store.domain.BlobStore.BlobRef;
import org.atrium.store.domain.ClassOfService;
import org.atrium.store.domain.FlagMode;
import org.atrium.store.domain.Quota;
import org.atrium.store.domain.Rights;
import org.atrium.store.domain.SpecialUse;

/**
 * The store's side of the IMAP port {@link ImapMailStore}: translates to {@link FolderService} and
 * {@link MessageService}, each call in its own transaction (this bean has none, like {@link Pop3MaildropAdapter}),
 * and maps refusals to the response codes of RFC 5530.
 *
 * <p>APPEND follows the order of SMTP acceptance ({@link SmtpIntakeAdapter}): the blob is written and fsync'ed and
 * the message parsed once ({@link MessageSummarizer}) outside any transaction, then content and item are committed
 * together; a refused APPEND hands its blob to the collector.
 */
@Stateless
@Local(ImapMailStore.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImapMailStoreAdapter implements ImapMailStore {

    private static final Logger LOG = System.getLogger("org.atrium.store.imap");

    @Inject
    DirectoryService directory;

    @Inject
    ClassOfServiceService classesOfService;

    @Inject
    FolderService folders;

    @Inject
    MessageService messages;

    @Inject
    FolderAclService acls;

    @Inject
    BlobStoreHolder blobs;

    @Inject
    MessageSummarizer summarizer;

    @Inject
    FolderChangeNotifier notifier;

    @Inject
    LoginFailures loginFailures;

    /** Failures are counted per login and answered late ({@link LoginFailures}); the sleep holds no transaction. */
    @Override
    public Optional<String> authenticate(String user, String password, String clientIp) {
        Optional<String> account = directory.authenticate(user, password, clientIp, "imap").map(a -> a.address());
        if (account.isPresent()) {
            loginFailures.succeeded(user);
        } else {
            loginFailures.failAndWait(user);
        }
        return account;
    }

    /** ADR 0016: the account's class of service may not allow this protocol. */
    @Override
    public Optional<String> loginRefusal(String account, String clientIp) {
        return classesOfService.protocolRefusal(account, ClassOfService.IMAP, clientIp);
    }

    /** ADR 0016: the account's class of service may deny public folders. */
    @Override
    public boolean publicFoldersVisible(String account) {
        return classesOfService.mayUsePublicFolders(account);
    }

    @Override
    public List<FolderInfo> folders(String account) {
        return folders.folders(account).stream().map(ImapMailStoreAdapter::info).toList();
    }

    static FolderInfo info(FolderView f) {
        return new FolderInfo(f.path(), specialUse(f.specialUse()), f.subscribed(), f.hasChildren(), f.selectable());
    }

    /** RFC 6154 §2 attributes; INBOX has none (it is special by name, RFC 3501 §5.1). */
    static String specialUse(SpecialUse use) {
        if (use == null) {
            return null;
        }
        return switch (use) {
            case INBOX -> null;
            case SENT -> "\\Sent";
            case DRAFTS -> "\\Drafts";
            case TRASH -> "\\Trash";
            case JUNK -> "\\Junk";
        };
    }

    @Override
    public FolderInfo create(String account, String path) throws MailboxException {
        return call(Code.NONEXISTENT, () -> info(folders.create(account, path)));
    }

    @Override
    public void delete(String account, String path) throws MailboxException {
        run(Code.NONEXISTENT, () -> folders.delete(account, path));
    }

    @Override
    public void rename(String account, String from, String to) throws MailboxException {
        run(Code.NONEXISTENT, () -> folders.rename(account, from, to));
    }

    @Override
    public void setSubscribed(String account, String path, boolean subscribed) throws MailboxException {
        run(Code.NONEXISTENT, () -> folders.setSubscribed(account, path, subscribed));
    }

    @Override
    public FolderStatus status(String account, String path) throws MailboxException {
        return call(Code.NONEXISTENT, () -> {
            FolderCounters c = folders.status(account, path);
            return new FolderStatus(c.messages(), c.recent(), c.uidNext(), c.uidValidity(), c.unseen(),
                    c.highestModseq(), c.size(), c.deleted());
        });
    }

    @Override
    public SelectedFolder select(String account, String path, boolean readOnly) throws MailboxException {
        return call(Code.NONEXISTENT, () -> {
            MessageService.Opened o = messages.select(account, path, readOnly);
            return new SelectedFolder(o.folderId(), o.path(), o.uidValidity(), o.uidNext(), o.highestModseq(),
                    states(o.messages()), o.recentUidFloor(), o.keywords(), o.rights());
        });
    }

    @Override
    public FolderChanges changes(String account, long folderId, long sinceModseq, boolean claimRecent)
            throws MailboxException {
        return call(Code.NONEXISTENT, () -> {
            MessageService.Changes c = messages.changes(account, folderId, sinceModseq, claimRecent);
            return new FolderChanges(c.highestModseq(), c.uidNext(), states(c.changed()), c.expunged(),
                    c.recentUidFloor());
        });
    }

    private static List<MessageState> states(List<ItemState> items) {
        List<MessageState> out = new ArrayList<>(items.size());
        for (ItemState s : items) {
            out.add(state(s));
        }
        return out;
    }

    private static MessageState state(ItemState s) {
        return new MessageState(s.uid(), ImapFlags.names(s.flags(), s.keywords()), s.modseq());
    }

    @Override
    public List<MessageDetails> details(String account, long folderId, List<Long> uids) throws MailboxException {
        return call(Code.NONEXISTENT, () -> {
            List<MessageDetails> out = new ArrayList<>(uids.size());
            for (MessageService.ItemDetails d : messages.details(account, folderId, uids)) {
                out.add(new MessageDetails(d.uid(), d.internalDate(), d.size(),
                        ParsedMessage.fromJson(d.metadataJson())));
            }
            return out;
        });
    }

    @Override
    public InputStream open(String account, long folderId, long uid) throws MailboxException, IOException {
        String hash = call(Code.NONEXISTENT, () -> messages.blobHash(account, folderId, uid));
        return blobs.get().open(hash); // outside any transaction: streaming a large message holds no locks
    }

    @Override
    public StoreResult store(String account, long folderId, List<Long> uids, FlagOperation operation,
            Set<String> flags, long unchangedSince) throws MailboxException {
        try {
            ImapFlags.Split split = ImapFlags.split(flags);
            MessageService.FlagResult r = messages.store(account, folderId, uids, mode(operation), split.system(),
                    split.keywords(), unchangedSince);
            return new StoreResult(states(r.updated()), states(r.unchanged()), r.failed());
        } catch (IllegalArgumentException e) {
            throw new MailboxException(Code.CANNOT, e.getMessage());
        } catch (RuntimeException e) {
            throw mapped(e, Code.NONEXISTENT);
        }
    }

    static FlagMode mode(FlagOperation op) {
        return switch (op) {
            case REPLACE -> FlagMode.REPLACE;
            case ADD -> FlagMode.ADD;
            case REMOVE -> FlagMode.REMOVE;
        };
    }

    @Override
    public List<Long> expunge(String account, long folderId, List<Long> uids) throws MailboxException {
        return call(Code.NONEXISTENT, () -> messages.expunge(account, folderId, uids));
    }

    @Override
    public AppendResult append(String account, String path, byte[] message, Set<String> flags, Instant internalDate)
            throws MailboxException {
        ImapFlags.Split split;
        try {
            split = ImapFlags.split(flags);
        } catch (IllegalArgumentException e) {
            throw new MailboxException(Code.CANNOT, e.getMessage());
        }
        // Refuse before writing anything when the caller's quota is already used up and the target is the
        // caller's own (another user's folder counts against its owner, a public one against its own limit); the
        // check inside the transaction below, under the folder lock, is the one that counts.
        if (ownName(path)) {
            try {
                FolderService.QuotaUsage usage = folders.quota(account);
                if (!usage.limits().admits(usage.bytes(), usage.messages(), message.length, 1)) {
                    throw new MailboxException(Code.OVERQUOTA, "quota exceeded");
                }
            } catch (RuntimeException e) {
                throw mapped(e, Code.TRYCREATE);
            }
        }
        BlobRef blob;
        ContentSummary summary;
        try {
            blob = blobs.get().store(new ByteArrayInputStream(message));
        } catch (IOException e) {
            LOG.log(Level.ERROR, "imap: cannot store an appended message for " + account, e);
            throw new MailboxException(Code.SERVERBUG, "cannot store the message");
        }
        try {
            summary = summarizer.summarize(new ByteArrayInputStream(message));
        } catch (IOException | RuntimeException e) {
            discard(blob); // written but never referenced: hand it to the collector
            LOG.log(Level.ERROR, "imap: cannot parse an appended message for " + account, e);
            throw new MailboxException(Code.SERVERBUG, "cannot store the message");
        }
        try {
            MessageService.Filed f = messages.append(account, path, blob, summary, split.system(), split.keywords(),
                    internalDate);
            return new AppendResult(f.uidValidity(), f.uid());
        } catch (RuntimeException e) {
            discard(blob);
            throw mapped(e, Code.TRYCREATE);
        }
    }

    /** Whether a name is in the caller's own namespace (not under {@code Other Users} or {@code Public Folders}). */
    static boolean ownName(String path) {
        return path != null && !path.equals(OTHER_USERS) && !path.startsWith(OTHER_USERS + DELIMITER)
                && !path.equals(PUBLIC_FOLDERS) && !path.startsWith(PUBLIC_FOLDERS + DELIMITER);
    }

    private void discard(BlobRef blob) {
        try {
            messages.discardBlob(blob.hash());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "imap: cannot queue blob {0} for collection: {1}", blob.hash(), e.toString());
        }
    }

    @Override
    public CopyResult copy(String account, long folderId, List<Long> uids, String targetPath, boolean move)
            throws MailboxException {
        return call(Code.TRYCREATE, () -> {
            MessageService.Copied c = messages.copy(account, folderId, uids, targetPath, move);
            return new CopyResult(c.uidValidity(), c.sourceUids(), c.targetUids());
        });
    }

    @Override
    public QuotaInfo quota(String account) {
        FolderService.QuotaUsage u = folders.quota(account);
        return new QuotaInfo(Quota.usageKib(u.bytes()), u.limits().storageLimitKib(), u.messages(),
                u.limits().messageLimit());
    }

    @Override
    public Map<String, String> getAcl(String account, String path) throws MailboxException {
        return call(Code.NONEXISTENT, () -> acls.acl(account, path));
    }

    @Override
    public void setAcl(String account, String path, String identifier, AclOperation operation, String rights)
            throws MailboxException {
        Rights parsed;
        try {
            parsed = Rights.parse(rights);
        } catch (IllegalArgumentException e) {
            // The IMAP parser already refused unknown rights with BAD (RFC 4314 §3.1); this is a defensive answer.
            throw new MailboxException(Code.CANNOT, e.getMessage());
        }
        run(Code.NONEXISTENT, () -> acls.change(account, path, identifier, rightsMode(operation), parsed));
    }

    static Rights.Mode rightsMode(AclOperation operation) {
        return switch (operation) {
            case ADD -> Rights.Mode.ADD;
            case REMOVE -> Rights.Mode.REMOVE;
            case REPLACE -> Rights.Mode.REPLACE;
        };
    }

    @Override
    public void deleteAcl(String account, String path, String identifier) throws MailboxException {
        run(Code.NONEXISTENT, () -> acls.remove(account, path, identifier));
    }

    @Override
    public String myRights(String account, String path) throws MailboxException {
        return call(Code.NONEXISTENT, () -> acls.myRights(account, path).value());
    }

    @Override
    public AutoCloseable watch(long folderId, Runnable listener) {
        return notifier.watch(folderId, listener);
    }

    /** Runs a store call, turning its runtime failure into the IMAP response code ({@link #mapped}). */
    private static <T> T call(Code missing, Supplier<T> storeCall) throws MailboxException {
        try {
            return storeCall.get();
        } catch (RuntimeException e) {
            throw mapped(e, missing);
        }
    }

    private static void run(Code missing, Runnable storeCall) throws MailboxException {
        call(missing, () -> {
            storeCall.run();
            return null;
        });
    }

    /**
     * The response code for a failure of a store call. A missing folder means NONEXISTENT, except where the RFC
     * asks for TRYCREATE (APPEND and COPY targets, RFC 3501 §6.3.11, §6.4.7); anything unexpected is a SERVERBUG,
     * logged here because the client only sees the code.
     */
    static MailboxException mapped(RuntimeException e, Code missing) {
        Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof MailboxRefusal r) {
            Code code = switch (r.reason()) {
                case NO_SUCH_FOLDER -> missing;
                case EXISTS -> Code.ALREADYEXISTS;
                case HAS_CHILDREN -> Code.HASCHILDREN;
                case OVER_QUOTA -> Code.OVERQUOTA;
                case CANNOT -> Code.CANNOT;
                case LIMIT -> Code.LIMIT;
                case NO_PERMISSION -> Code.NOPERM;
            };
            return new MailboxException(code, r.getMessage());
        }
        if (cause instanceof EntityNotFoundException) {
            // The folder was deleted between finding it and locking it: the same answer as a moment later.
            return new MailboxException(missing, "the folder is gone");
        }
        LOG.log(Level.ERROR, "imap: store call failed", e);
        return new MailboxException(Code.SERVERBUG, "internal error");
    }
}
