package org.atrium.connector.imap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.atrium.connector.mime.MessageParser;
import org.atrium.connector.mime.ParsedMessage;

/**
 * An in-memory {@link ImapMailStore} for unit tests, keeping the port's contract: folders per account with INBOX,
 * UIDs and UIDVALIDITY, a MODSEQ per folder raised by every change, an expunge history for QRESYNC, \Recent claimed
 * by read-write opens, subscriptions, a quota, and watch listeners called after each change (synchronously, on the
 * caller's thread). Messages are raw bytes parsed with {@link MessageParser}. Thread-safe by one lock.
 *
 * <p>Shared folders (ADR 0006) are modelled without a second owner: a test files folders named
 * {@code Other Users/<address>/...} or {@code Public Folders/...} in the caller's own tree, declares the names above
 * them with {@link #addNoselect} and the caller's rights with {@link #limitRights}. The rights are enforced as the
 * store does (RFC 4314 §4): STORE keeps the flags they allow and answers NOPERM when none is left, EXPUNGE needs
 * {@code e}, APPEND and COPY/MOVE targets {@code i}, the source of MOVE {@code t} and {@code e}.
 */
public final class InMemoryMailStore implements ImapMailStore {

    private static final List<String> SYSTEM = List.of("\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft");

    static final class Message {
        final long uid;
        final byte[] raw;
        final ParsedMessage parsed;
        final Instant internalDate;
        Set<String> flags;
        long modseq;

        Message(long uid, byte[] raw, ParsedMessage parsed, Instant internalDate, Set<String> flags, long modseq) {
            this.uid = uid;
            this.raw = raw;
            this.parsed = parsed;
            this.internalDate = internalDate;
            this.flags = flags;
            this.modseq = modseq;
        }

        MessageState state() {
            return new MessageState(uid, flags, modseq);
        }
    }

    static final class Folder {
        final long id;
        String path;
        final long uidValidity;
        long uidNext = 1;
        long highestModseq = 1;
        long recentClaimedUpTo;
        String specialUse;
        final TreeMap<Long, Message> messages = new TreeMap<>();
        /** uid → MODSEQ of its expunge. */
        final TreeMap<Long, Long> expunged = new TreeMap<>();
        /** Identifier → canonical rights (RFC 4314 §2), the owner's implicit entry not included. */
        final TreeMap<String, String> acl = new TreeMap<>();

        Folder(long id, String path, long uidValidity) {
            this.id = id;
            this.path = path;
            this.uidValidity = uidValidity;
        }
    }

    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, TreeMap<String, Folder>> accounts = new HashMap<>();
    private final Map<String, Set<String>> subscriptions = new HashMap<>();
    private final Map<Long, Folder> byId = new HashMap<>();
    private final Map<Long, List<Runnable>> watchers = new HashMap<>();
    private final MessageParser parser = new MessageParser();
    private long nextFolderId = 1;
    private long nextUidValidity = 1000;
    long storageLimitKib = -1;
    long messageLimit = -1;
    /** When set, every store call throws it (a store bug or outage). */
    volatile RuntimeException failure;
    final List<String> authenticatedIps = new CopyOnWriteArrayList<>();

    /** Adds an account with an empty INBOX. */
    public synchronized void addAccount(String user, String password) {
        passwords.put(user, password);
        TreeMap<String, Folder> folders = new TreeMap<>();
        accounts.put(user, folders);
        subscriptions.put(user, new LinkedHashSet<>());
        newFolder(user, "INBOX");
    }

    /**
     * Declares a name the user sees in LIST but cannot select ({@link FolderInfo#selectable()} false, ADR 0006):
     * a namespace root, another user's name, a folder the user may not look up.
     */
    public synchronized void addNoselect(String user, String path) {
        noselect.computeIfAbsent(user, k -> new TreeSet<>()).add(path);
    }

    private final Map<String, TreeSet<String>> noselect = new HashMap<>();

    /** Records a subscription without checking the name, as one left over for a folder the user can no longer see. */
    public synchronized void addSubscription(String user, String path) {
        subscriptions.get(user).add(path);
    }

    /** Creates a folder with a special use (RFC 6154), for LIST tests. */
    public synchronized void addFolder(String user, String path, String specialUse) {
        newFolder(user, path).specialUse = specialUse;
    }

    /** Delivers a message as the MTA would, and notifies watchers. */
    public long deliver(String user, String path, String raw, String... flags) {
        try {
            return append(user, path, raw.getBytes(StandardCharsets.UTF_8), Set.of(flags), null).uid();
        } catch (MailboxException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized Folder folder(String user, String path) {
        return accounts.get(user).get(path);
    }

    private Folder newFolder(String user, String path) {
        Folder f = new Folder(nextFolderId++, path, nextUidValidity++);
        accounts.get(user).put(path, f);
        byId.put(f.id, f);
        return f;
    }

    private void check() {
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }

    private TreeMap<String, Folder> folders(String account, boolean check) {
        if (check) {
            check();
        }
        TreeMap<String, Folder> f = accounts.get(account);
        if (f == null) {
            throw new IllegalStateException("no account " + account);
        }
        return f;
    }

    private Folder existing(String account, String path) throws MailboxException {
        Folder f = folders(account, true).get(normalize(path));
        if (f == null) {
            throw new MailboxException(Code.NONEXISTENT, "No such mailbox");
        }
        return f;
    }

    private Folder byId(long id) throws MailboxException {
        Folder f = byId.get(id);
        if (f == null) {
            throw new MailboxException(Code.NONEXISTENT, "Mailbox was deleted");
        }
        return f;
    }

    private static String normalize(String path) {
        if (path.equalsIgnoreCase("INBOX")) {
            return "INBOX";
        }
        if (path.toUpperCase(Locale.ROOT).startsWith("INBOX/")) {
            return "INBOX" + path.substring(5);
        }
        return path;
    }

    private static Set<String> canonicalFlags(Set<String> flags) {
        Set<String> out = new TreeSet<>();
        for (String f : flags) {
            String c = f;
            for (String s : SYSTEM) {
                if (s.equalsIgnoreCase(f)) {
                    c = s;
                }
            }
            out.add(c);
        }
        return out;
    }

    private void notifyWatchers(long folderId) {
        List<Runnable> ws;
        synchronized (this) {
            ws = new ArrayList<>(watchers.getOrDefault(folderId, List.of()));
        }
        ws.forEach(Runnable::run);
    }

    /** Accounts whose class of service refuses this protocol (ADR 0016), with the profile's name. */
    final java.util.Map<String, String> refusedByProfile = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Optional<String> loginRefusal(String account, String clientIp) {
        return Optional.ofNullable(refusedByProfile.get(account));
    }

    /** Accounts without public folders (ADR 0016). */
    final Set<String> withoutPublicFolders = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public boolean publicFoldersVisible(String account) {
        return !withoutPublicFolders.contains(account);
    }

    @Override
    public synchronized Optional<String> authenticate(String user, String password, String clientIp) {
        check();
        authenticatedIps.add(clientIp);
        return password.equals(passwords.get(user)) ? Optional.of(user) : Optional.empty();
    }

    @Override
    public synchronized List<FolderInfo> folders(String account) {
        TreeMap<String, Folder> all = folders(account, true);
        Set<String> subs = subscriptions.get(account);
        List<FolderInfo> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(all.keySet());
        names.addAll(noselect.getOrDefault(account, new TreeSet<>()));
        List<String> paths = new ArrayList<>(names);
        paths.remove("INBOX");
        paths.add(0, "INBOX");
        for (String p : paths) {
            Folder f = all.get(p);
            boolean children = names.stream().anyMatch(q -> q.startsWith(p + DELIMITER));
            out.add(f == null ? new FolderInfo(p, null, subs.contains(p), children, false)
                    : new FolderInfo(p, f.specialUse, subs.contains(p), children));
        }
        return out;
    }

    @Override
    public synchronized FolderInfo create(String account, String path) throws MailboxException {
        TreeMap<String, Folder> all = folders(account, true);
        String p = normalize(path);
        if (p.isEmpty() || p.startsWith("/") || p.endsWith("/") || p.contains("//")) {
            throw new MailboxException(Code.CANNOT, "Invalid mailbox name");
        }
        if (all.containsKey(p)) {
            throw new MailboxException(Code.ALREADYEXISTS, "Mailbox already exists");
        }
        int i = -1;
        while ((i = p.indexOf(DELIMITER, i + 1)) > 0) {
            all.computeIfAbsent(p.substring(0, i), q -> {
                Folder f = new Folder(nextFolderId++, q, nextUidValidity++);
                byId.put(f.id, f);
                inherit(all, f);
                return f;
            });
        }
        inherit(all, newFolder(account, p));
        return new FolderInfo(p, null, false, false);
    }

    @Override
    public synchronized void delete(String account, String path) throws MailboxException {
        Folder f = existing(account, path);
        if (f.path.equals("INBOX")) {
            throw new MailboxException(Code.CANNOT, "INBOX cannot be deleted");
        }
        TreeMap<String, Folder> all = folders(account, false);
        if (all.keySet().stream().anyMatch(q -> q.startsWith(f.path + DELIMITER))) {
            throw new MailboxException(Code.HASCHILDREN, "Mailbox has children");
        }
        all.remove(f.path);
        byId.remove(f.id);
    }

    @Override
    public synchronized void rename(String account, String from, String to) throws MailboxException {
        Folder f = existing(account, from);
        TreeMap<String, Folder> all = folders(account, false);
        String target = normalize(to);
        if (all.containsKey(target)) {
            throw new MailboxException(Code.ALREADYEXISTS, "Target mailbox exists");
        }
        if (target.isEmpty() || target.startsWith(f.path + DELIMITER)) {
            throw new MailboxException(Code.CANNOT, "Cannot rename into itself");
        }
        if (f.path.equals("INBOX")) {
            Folder n = newFolder(account, target);
            for (Message m : f.messages.values()) {
                m.modseq = ++n.highestModseq;
                Message copy = new Message(n.uidNext++, m.raw, m.parsed, m.internalDate, m.flags, m.modseq);
                n.messages.put(copy.uid, copy);
                f.expunged.put(m.uid, ++f.highestModseq);
            }
            f.messages.clear();
            return;
        }
        String old = f.path;
        String prefix = old + DELIMITER;
        for (String p : new ArrayList<>(all.keySet())) {
            if (p.equals(old) || p.startsWith(prefix)) {
                Folder moved = all.remove(p);
                moved.path = target + p.substring(old.length());
                all.put(moved.path, moved);
            }
        }
    }

    @Override
    public synchronized void setSubscribed(String account, String path, boolean subscribed)
            throws MailboxException {
        folders(account, true);
        String p = normalize(path);
        if (subscribed) {
            existing(account, p);
            subscriptions.get(account).add(p);
        } else {
            subscriptions.get(account).remove(p);
        }
    }

    @Override
    public synchronized FolderStatus status(String account, String path) throws MailboxException {
        Folder f = existing(account, path);
        long unseen = f.messages.values().stream().filter(m -> !m.flags.contains("\\Seen")).count();
        long deleted = f.messages.values().stream().filter(m -> m.flags.contains("\\Deleted")).count();
        long size = f.messages.values().stream().mapToLong(m -> m.raw.length).sum();
        long recent = f.messages.tailMap(f.recentClaimedUpTo, false).size();
        return new FolderStatus(f.messages.size(), recent, f.uidNext, f.uidValidity, unseen, f.highestModseq, size,
                deleted);
    }

    @Override
    public synchronized SelectedFolder select(String account, String path, boolean readOnly)
            throws MailboxException {
        Folder f = existing(account, path);
        long floor = f.recentClaimedUpTo;
        if (!readOnly) {
            f.recentClaimedUpTo = f.uidNext - 1;
        }
        List<MessageState> states = new ArrayList<>();
        Set<String> keywords = new TreeSet<>();
        for (Message m : f.messages.values()) {
            states.add(m.state());
            m.flags.stream().filter(x -> !x.startsWith("\\")).forEach(keywords::add);
        }
        return new SelectedFolder(f.id, f.path, f.uidValidity, f.uidNext, f.highestModseq, states, floor,
                List.copyOf(keywords), rights(account, f));
    }

    @Override
    public synchronized FolderChanges changes(String account, long folderId, long sinceModseq, boolean claimRecent)
            throws MailboxException {
        check();
        Folder f = byId(folderId);
        List<MessageState> changed = new ArrayList<>();
        for (Message m : f.messages.values()) {
            if (m.modseq > sinceModseq) {
                changed.add(m.state());
            }
        }
        List<Long> gone = new ArrayList<>();
        f.expunged.forEach((uid, modseq) -> {
            if (modseq > sinceModseq) {
                gone.add(uid);
            }
        });
        long floor = Long.MAX_VALUE;
        if (claimRecent) {
            floor = f.recentClaimedUpTo;
            f.recentClaimedUpTo = f.uidNext - 1;
        }
        return new FolderChanges(f.highestModseq, f.uidNext, changed, gone, floor);
    }

    @Override
    public synchronized List<MessageDetails> details(String account, long folderId, List<Long> uids)
            throws MailboxException {
        check();
        Folder f = byId(folderId);
        List<MessageDetails> out = new ArrayList<>();
        for (long uid : uids) {
            Message m = f.messages.get(uid);
            if (m != null) {
                out.add(new MessageDetails(uid, m.internalDate, m.raw.length, m.parsed));
            }
        }
        return out;
    }

    @Override
    public synchronized InputStream open(String account, long folderId, long uid) throws MailboxException {
        check();
        Message m = byId(folderId).messages.get(uid);
        if (m == null) {
            throw new MailboxException(Code.NONEXISTENT, "Message was expunged");
        }
        return new ByteArrayInputStream(m.raw);
    }

    @Override
    public StoreResult store(String account, long folderId, List<Long> uids, FlagOperation operation,
            Set<String> flags, long unchangedSince) throws MailboxException {
        StoreResult result;
        synchronized (this) {
            check();
            Folder f = byId(folderId);
            Set<String> given = allowedFlags(account, f, canonicalFlags(flags));
            List<MessageState> updated = new ArrayList<>();
            List<MessageState> unchanged = new ArrayList<>();
            List<Long> failed = new ArrayList<>();
            for (long uid : uids) {
                Message m = f.messages.get(uid);
                if (m == null) {
                    continue;
                }
                if (unchangedSince >= 0 && m.modseq > unchangedSince) {
                    failed.add(uid);
                    continue;
                }
                Set<String> next = new TreeSet<>(operation == FlagOperation.REPLACE ? Set.of() : m.flags);
                if (operation == FlagOperation.REMOVE) {
                    next.removeAll(given);
                } else {
                    next.addAll(given);
                }
                if (next.equals(m.flags)) {
                    unchanged.add(m.state());
                } else {
                    m.flags = next;
                    m.modseq = ++f.highestModseq;
                    updated.add(m.state());
                }
            }
            result = new StoreResult(updated, unchanged, failed);
        }
        if (!result.updated().isEmpty()) {
            notifyWatchers(folderId);
        }
        return result;
    }

    @Override
    public List<Long> expunge(String account, long folderId, List<Long> uids) throws MailboxException {
        List<Long> gone = new ArrayList<>();
        synchronized (this) {
            check();
            Folder f = byId(folderId);
            require(account, f, "e");
            for (Message m : new ArrayList<>(f.messages.values())) {
                if (m.flags.contains("\\Deleted") && (uids == null || uids.contains(m.uid))) {
                    f.messages.remove(m.uid);
                    f.expunged.put(m.uid, ++f.highestModseq);
                    gone.add(m.uid);
                }
            }
        }
        if (!gone.isEmpty()) {
            notifyWatchers(folderId);
        }
        return gone;
    }

    @Override
    public AppendResult append(String account, String path, byte[] message, Set<String> flags,
            Instant internalDate) throws MailboxException {
        Folder f;
        AppendResult result;
        synchronized (this) {
            check();
            f = folders(account, true).get(normalize(path));
            if (f == null) {
                throw new MailboxException(Code.TRYCREATE, "No such mailbox");
            }
            require(account, f, "i");
            QuotaInfo q = quota(account);
            if (messageLimit >= 0 && q.messages() + 1 > messageLimit
                    || storageLimitKib >= 0 && q.storageKib() + (message.length + 1023) / 1024 > storageLimitKib) {
                throw new MailboxException(Code.OVERQUOTA, "Quota exceeded");
            }
            ParsedMessage parsed;
            try {
                parsed = parser.parse(new ByteArrayInputStream(message));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Message m = new Message(f.uidNext++, message.clone(), parsed,
                    internalDate == null ? Instant.parse("2026-12-01T12:00:00Z") : internalDate,
                    canonicalFlags(flags), ++f.highestModseq);
            f.messages.put(m.uid, m);
            result = new AppendResult(f.uidValidity, m.uid);
        }
        notifyWatchers(f.id);
        return result;
    }

    @Override
    public CopyResult copy(String account, long folderId, List<Long> uids, String targetPath, boolean move)
            throws MailboxException {
        Folder source;
        Folder target;
        List<Long> from = new ArrayList<>();
        List<Long> to = new ArrayList<>();
        synchronized (this) {
            check();
            source = byId(folderId);
            target = folders(account, false).get(normalize(targetPath));
            if (target == null) {
                throw new MailboxException(Code.TRYCREATE, "No such mailbox");
            }
            require(account, target, "i");
            if (move) {
                require(account, source, "te");
            }
            for (long uid : uids) {
                Message m = source.messages.get(uid);
                if (m == null) {
                    continue;
                }
                Message c = new Message(target.uidNext++, m.raw, m.parsed, m.internalDate, m.flags,
                        ++target.highestModseq);
                target.messages.put(c.uid, c);
                from.add(uid);
                to.add(c.uid);
                if (move) {
                    source.messages.remove(uid);
                    source.expunged.put(uid, ++source.highestModseq);
                }
            }
        }
        notifyWatchers(target.id);
        if (move) {
            notifyWatchers(source.id);
        }
        return new CopyResult(target.uidValidity, from, to);
    }

    @Override
    public synchronized QuotaInfo quota(String account) {
        check();
        long bytes = 0;
        long count = 0;
        for (Folder f : folders(account, false).values()) {
            for (Message m : f.messages.values()) {
                bytes += m.raw.length;
                count++;
            }
        }
        return new QuotaInfo((bytes + 1023) / 1024, storageLimitKib, count, messageLimit);
    }

    @Override
    public synchronized AutoCloseable watch(long folderId, Runnable listener) {
        List<Runnable> list = watchers.computeIfAbsent(folderId, k -> new CopyOnWriteArrayList<>());
        list.add(listener);
        return () -> list.remove(listener);
    }

    /** A new folder starts with its parent's ACL (inheritance, as the store does it). */
    private static void inherit(TreeMap<String, Folder> all, Folder f) {
        int slash = f.path.lastIndexOf(DELIMITER);
        Folder parent = slash < 0 ? null : all.get(f.path.substring(0, slash));
        if (parent != null) {
            f.acl.putAll(parent.acl);
        }
    }

    /**
     * Makes {@code account} hold only {@code rights} on one of its folders, as it will on a folder shared with it,
     * to test the refusals (NOPERM) of callers without the {@code a} right.
     */
    public synchronized void limitRights(String account, String path, String rights) {
        limitedRights.put(account + DELIMITER + DELIMITER + path, rights);
    }

    private final Map<String, String> limitedRights = new HashMap<>();

    private String rights(String account, Folder f) {
        return limitedRights.getOrDefault(account + DELIMITER + DELIMITER + f.path, ALL_RIGHTS);
    }

    private void require(String account, Folder f, String needed) throws MailboxException {
        String have = rights(account, f);
        for (char c : needed.toCharArray()) {
            if (have.indexOf(c) < 0) {
                throw new MailboxException(Code.NOPERM, "Permission denied");
            }
        }
    }

    /** RFC 4314 §4: the flags the rights allow (s for \Seen, t for \Deleted, w for others); NOPERM if none is. */
    private Set<String> allowedFlags(String account, Folder f, Set<String> flags) throws MailboxException {
        String have = rights(account, f);
        Set<String> out = new TreeSet<>();
        for (String flag : flags) {
            char needed = flag.equals("\\Seen") ? 's' : flag.equals("\\Deleted") ? 't' : 'w';
            if (have.indexOf(needed) >= 0) {
                out.add(flag);
            }
        }
        if (!flags.isEmpty() && out.isEmpty()) {
            throw new MailboxException(Code.NOPERM, "Permission denied");
        }
        return out;
    }

    private static final String ALL_RIGHTS = "lrswipkxtea";

    @Override
    public synchronized Map<String, String> getAcl(String account, String path) throws MailboxException {
        Folder f = administered(account, path);
        Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put(account.toLowerCase(Locale.ROOT), ALL_RIGHTS);
        out.putAll(f.acl);
        return out;
    }

    @Override
    public synchronized void setAcl(String account, String path, String identifier, AclOperation operation,
            String rights) throws MailboxException {
        Folder f = administered(account, path);
        String id = aclIdentifier(account, identifier);
        String old = f.acl.getOrDefault(id, "");
        StringBuilder sb = new StringBuilder();
        for (char c : ALL_RIGHTS.toCharArray()) {
            boolean has = switch (operation) {
                case ADD -> old.indexOf(c) >= 0 || rights.indexOf(c) >= 0;
                case REMOVE -> old.indexOf(c) >= 0 && rights.indexOf(c) < 0;
                case REPLACE -> rights.indexOf(c) >= 0;
            };
            if (has) {
                sb.append(c);
            }
        }
        if (sb.isEmpty()) {
            f.acl.remove(id);
        } else {
            f.acl.put(id, sb.toString());
        }
    }

    @Override
    public synchronized void deleteAcl(String account, String path, String identifier) throws MailboxException {
        administered(account, path).acl.remove(aclIdentifier(account, identifier));
    }

    @Override
    public synchronized String myRights(String account, String path) throws MailboxException {
        return rights(account, existing(account, path));
    }

    private Folder administered(String account, String path) throws MailboxException {
        if (myRights(account, path).indexOf('a') < 0) {
            throw new MailboxException(Code.NOPERM, "You may not administer this mailbox");
        }
        return existing(account, path);
    }

    private static String aclIdentifier(String account, String identifier) throws MailboxException {
        String id = identifier.toLowerCase(Locale.ROOT);
        if (id.equals(account.toLowerCase(Locale.ROOT))) {
            throw new MailboxException(Code.CANNOT, "The owner always has all rights");
        }
        if (!id.equals("anyone") && !id.matches("[^@\\s]+@[^@\\s]+")) {
            throw new MailboxException(Code.CANNOT, "Unknown identifier");
        }
        return id;
    }

    /** How many watch listeners a folder has (to check that sessions close theirs). */
    public synchronized int watcherCount(long folderId) {
        return watchers.getOrDefault(folderId, List.of()).size();
    }
}
