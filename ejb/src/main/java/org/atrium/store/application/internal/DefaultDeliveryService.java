package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.TransactionAttribute;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.atrium.store.application.AcceptedMessage;
import org.atrium.store.application.ContentSummary;
import org.atrium.store.application.DeliveryService;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.FolderChangeNotifier;
import org.atrium.store.application.FolderService;
import org.atrium.store.application.InboundQueued;
import org.atrium.store.application.IncomingMessage;
import org.atrium.store.application.PendingAcceptance;
import org.atrium.store.application.RecipientResolution;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.AccountKind;
import org.atrium.store.domain.BlobStore.BlobRef;
import org.atrium.store.domain.Folder;
import org.atrium.store.domain.FolderAcl;
import org.atrium.store.domain.InboundMessage;
import org.atrium.store.domain.InboundRecipient;
import org.atrium.store.domain.MailGroup;
import org.atrium.store.domain.MailItem;
import org.atrium.store.domain.MessageContent;
import org.atrium.store.domain.Quota;
import org.atrium.store.domain.SpecialUse;
import org.atrium.store.domain.TrackingEvent;
import org.atrium.store.infrastructure.inbound.MessageSummarizer;

/** See {@link DeliveryService}. */
@Stateless
public class DefaultDeliveryService implements DeliveryService {

    private static final Logger LOG = System.getLogger("org.atrium.store.delivery");
    private static final char[] ALPHABET = "0123456789BCDFGHJKLMNPQRSTVWXZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    ContentReferences contents;

    @Inject
    DirectoryService directory;

    @Inject
    FolderChangeNotifier notifier;

    @Inject
    BlobStoreHolder blobs;

    @Inject
    MessageSummarizer summarizer;

    @Inject
    Event<InboundQueued> queued;

    private final Clock clock = Clock.systemUTC();

    @Override
    public List<AcceptedMessage> acceptAll(List<PendingAcceptance> pending) {
        Instant now = clock.instant();
        List<InboundMessage> entries = new ArrayList<>(pending.size());
        for (PendingAcceptance p : pending) {
            IncomingMessage msg = p.message();
            var summary = p.summary();
            MessageContent content = StoredContents.create(p.blob(), summary, 1, now);
            em.persist(content);
            InboundMessage entry = new InboundMessage(newQueueId(), content, msg.reversePath(), msg.clientIp(),
                    msg.helo(), msg.authenticatedUser(), msg.sessionId(), msg.receivedAt(), msg.recipients());
            em.persist(entry);
            // The SMTP AUTH identity (RFC 4954) of a submitted message is part of its trace, as in the queue entry.
            String detail = "size=" + p.blob().size()
                    + (msg.authenticatedUser() == null ? "" : " auth=" + msg.authenticatedUser());
            for (String r : msg.recipients()) {
                em.persist(new TrackingEvent(now, TrackingEvent.Kind.RECEIVED, entry.getQueueId(),
                        summary.messageId(), msg.reversePath(), r, msg.clientIp(), detail));
            }
            entries.add(entry);
        }
        em.flush();
        return entries.stream().map(e -> new AcceptedMessage(e.getId(), e.getQueueId())).toList();
    }

    @Override
    public int deliverAll(List<Long> inboundIds) {
        Instant now = clock.instant();
        // Lock order, the same in every transaction: queue rows by id, then folder rows by id, then content rows.
        List<InboundMessage> entries = new ArrayList<>();
        for (Long id : new TreeSet<>(inboundIds)) {
            InboundMessage entry = em.find(InboundMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (entry != null && entry.getState() == InboundMessage.State.QUEUED) {
                entries.add(entry); // null or done: a repeated wake-up, already filed
            }
        }
        Map<String, Long> inboxes = new HashMap<>();
        Map<InboundRecipient, Long> targets = new HashMap<>();
        for (InboundMessage entry : entries) {
            entry.attempt();
            for (InboundRecipient r : entry.getRecipients()) {
                if (!r.isPending()) {
                    continue;
                }
                RecipientResolution res = directory.resolve(r.getAddress());
                RecipientResolution.Kind kind = res.kind();
                if (kind == RecipientResolution.Kind.LOCAL || kind == RecipientResolution.Kind.DISABLED) {
                    // A disabled account refuses new mail at RCPT; what was accepted before still arrives.
                    targets.put(r, inboxes.computeIfAbsent(res.mailbox(), this::inboxId));
                } else if (res.kind() == RecipientResolution.Kind.PUBLIC_FOLDER && folderExists(res.folderId())) {
                    targets.put(r, res.folderId()); // a mail-enabled public folder (ADR 0006)
                }
            }
        }
        FolderLocks locks = new FolderLocks(em);
        new TreeSet<>(targets.values()).forEach(locks::lock);

        int delivered = 0;
        Set<Folder> publicFolders = new LinkedHashSet<>();
        for (InboundMessage entry : entries) {
            delivered += file(entry, targets, locks, now, publicFolders);
        }
        for (Folder f : publicFolders) {
            warnIfNeeded(f, now);
        }
        return delivered;
    }

    private boolean folderExists(Long folderId) {
        return folderId != null && em.createQuery("select count(f) from Folder f where f.id = :id", Long.class)
                .setParameter("id", folderId).getSingleResult() > 0;
    }

    private int file(InboundMessage entry, Map<InboundRecipient, Long> targets, FolderLocks locks, Instant now,
            Set<Folder> publicFolders) {
        MessageContent content = entry.getContent();
        int filed = 0;
        for (InboundRecipient r : entry.getRecipients()) {
            if (!r.isPending()) {
                continue;
            }
            Long inboxId = targets.get(r);
            if (inboxId == null) {
                // The account went away between acceptance and delivery. A DSN to the sender comes with the
                // transport's bounce handling (issue #4); the tracking log records the failure meanwhile.
                r.failed("no such mailbox any more");
                em.persist(new TrackingEvent(now, TrackingEvent.Kind.FAILED, entry.getQueueId(),
                        content.getMessageId(), entry.getReversePath(), r.getAddress(), null,
                        "no such mailbox any more"));
                LOG.log(Level.WARNING, "delivery: queue={0} to={1} failed: no such mailbox", entry.getQueueId(),
                        r.getAddress());
                continue;
            }
            Folder inbox = locks.lock(inboxId);
            boolean isPublic = inbox.getOwner().getKind().isPublic();
            if (isPublic && overProhibit(inbox, content.getSize())) {
                // Accepted at RCPT while there was room; it filled up since. No DSN until issue #4 (see above).
                r.failed("public folder full");
                em.persist(new TrackingEvent(now, TrackingEvent.Kind.FAILED, entry.getQueueId(),
                        content.getMessageId(), entry.getReversePath(), r.getAddress(), null, "public folder full"));
                LOG.log(Level.WARNING, "delivery: queue={0} to={1} failed: public folder {2} is full",
                        entry.getQueueId(), r.getAddress(), inbox.getPath());
                continue;
            }
            if (!isPublic && overQuota(inbox.getOwner(), content.getSize())) {
                // Accepted at RCPT while there was room (RCPT refuses a full mailbox with 552 5.2.2); this message
                // would take it above its limit (RFC 9208 §5). No DSN until issue #4 (see above).
                r.failed("mailbox full");
                em.persist(new TrackingEvent(now, TrackingEvent.Kind.FAILED, entry.getQueueId(),
                        content.getMessageId(), entry.getReversePath(), r.getAddress(), null, "mailbox full"));
                LOG.log(Level.WARNING, "delivery: queue={0} to={1} failed: over quota", entry.getQueueId(),
                        r.getAddress());
                continue;
            }
            // A post's creator stays null here: the entity offers no setter for it in this code path (ADR 0006).
            MailItem item = MailItem.file(inbox, content, entry.getReceivedAt(), Set.of());
            em.persist(item); // identity key: inserted now, so the id is known
            r.delivered(item.getId());
            notifier.changed(inboxId); // announced after the commit, for IMAP IDLE and untagged EXISTS
            if (isPublic) {
                publicFolders.add(inbox);
            }
            em.persist(new TrackingEvent(now, TrackingEvent.Kind.DELIVERED, entry.getQueueId(),
                    content.getMessageId(), entry.getReversePath(), r.getAddress(), null,
                    (isPublic ? "public folder " + inbox.getPath() : "INBOX") + " uid=" + item.getUid()));
            filed++;
        }
        // One reference per filed item; when the queue entry is done it goes (the tracking log keeps its history)
        // and with it the reference it held. A later duplicate wake-up finds no entry and does nothing.
        boolean done = entry.completeIfSettled(now);
        if (done) {
            em.remove(entry);
        }
        contents.adjust(content, filed - (done ? 1 : 0));
        return filed;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void publicFolderFiled(long lockedFolderId) {
        Folder f = em.find(Folder.class, lockedFolderId);
        if (f != null && f.getOwner().getKind().isPublic()) {
            warnIfNeeded(f, clock.instant());
        }
    }

    /**
     * Whether one more message of {@code bytes} would take the account above its quota (account, domain, server
     * default); usage is only summed when a limit applies.
     */
    private boolean overQuota(Account owner, long bytes) {
        Quota limits = Mailboxes.limits(owner);
        if (limits.bytesLimit() == Quota.NONE && limits.messageLimit() == Quota.NONE) {
            return false;
        }
        FolderService.QuotaUsage u = new Mailboxes(em).usage(owner);
        return !limits.admits(u.bytes(), u.messages(), bytes, 1);
    }

    /** Whether {@code bytes} more would take a public folder above its prohibit level (ADR 0006). */
    private boolean overProhibit(Folder lockedFolder, long bytes) {
        Long limit = lockedFolder.getQuotaProhibitBytes();
        return limit != null && new FolderQuotas(em).usage(lockedFolder) + bytes > limit;
    }

    /**
     * After posts to a public folder (still under its row lock): the first time usage reaches the warning level,
     * its owners (entries with {@code a}, groups expanded) get one notice in their INBOX through the normal delivery
     * path (a queue entry, delivered after this transaction commits), and the warning is recorded; once usage is
     * below the level again the record is cleared, so that the next crossing warns again.
     */
    private void warnIfNeeded(Folder folder, Instant now) {
        long usage = new FolderQuotas(em).usage(folder);
        switch (QuotaWarnings.decide(folder.getQuotaWarnBytes(), folder.getQuotaWarnedAt() != null, usage)) {
            case CLEAR -> folder.setQuotaWarnedAt(null);
            case NONE -> { }
            case WARN -> {
                folder.setQuotaWarnedAt(now);
                List<String> owners = owners(folder);
                if (owners.isEmpty()) {
                    LOG.log(Level.WARNING, "delivery: public folder {0} passed its warning level ({1} bytes) and "
                            + "has no owner to tell", folder.getPath(), usage);
                    return;
                }
                queueNotice(owners, QuotaWarnings.notice(folder.getPath(), usage, folder.getQuotaWarnBytes(),
                        folder.getQuotaProhibitBytes(), owners, "postmaster@" + folder.getOwner().getDomain().getName(),
                        now), now);
                LOG.log(Level.INFO, "delivery: public folder {0} passed its warning level ({1} bytes), told {2}",
                        folder.getPath(), usage, owners);
            }
        }
    }

    /** The users holding {@code a} on the folder, directly or through (nested) groups, in address order. */
    private List<String> owners(Folder folder) {
        Set<String> users = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        for (FolderAcl e : em.createQuery("select e from FolderAcl e where e.folderId = :f", FolderAcl.class)
                .setParameter("f", folder.getId()).getResultList()) {
            if (e.getRights().has('a') && e.getIdentifier().indexOf('@') > 0) {
                pending.add(e.getIdentifier());
            }
        }
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (!seen.add(id)) {
                continue; // a group loop, or a user in two groups
            }
            List<Account> account = em.createQuery("select a from Account a where a.address = :a and a.kind = :u "
                    + "and a.enabled = true", Account.class).setParameter("a", id)
                    .setParameter("u", AccountKind.USER).getResultList();
            if (!account.isEmpty()) {
                users.add(account.get(0).getAddress());
                continue;
            }
            for (MailGroup g : em.createQuery("select g from MailGroup g where g.address = :a", MailGroup.class)
                    .setParameter("a", id).getResultList()) {
                g.getMembers().forEach(m -> pending.add(m.toLowerCase(Locale.ROOT)));
            }
        }
        return List.copyOf(users);
    }

    /** Queues a notice from the null sender (RFC 3834 §3.3: automatic messages) to local users. */
    private void queueNotice(List<String> recipients, byte[] message, Instant now) {
        BlobRef blob;
        ContentSummary summary;
        try {
            blob = blobs.get().store(new ByteArrayInputStream(message));
            summary = summarizer.summarize(new ByteArrayInputStream(message));
        } catch (IOException e) {
            // The warning is advice; the posts it follows must not fail for it.
            LOG.log(Level.WARNING, "delivery: quota warning not queued: {0}", e.toString());
            return;
        }
        List<AcceptedMessage> accepted = acceptAll(List.of(new PendingAcceptance(new IncomingMessage("", recipients,
                "127.0.0.1", "localhost", null, "quota-warning", now), blob, summary)));
        queued.fire(new InboundQueued(accepted.stream().map(AcceptedMessage::id).toList()));
    }

    private Long inboxId(String account) {
        return em.createQuery("select f.id from Folder f where f.owner.address = :a and f.specialUse = :u", Long.class)
                .setParameter("a", account).setParameter("u", SpecialUse.INBOX).getResultStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("account " + account + " has no INBOX"));
    }

    @Override
    public List<Long> queued(Instant before, int max) {
        return em.createQuery("select m.id from InboundMessage m where m.state = :s and m.receivedAt < :b order by m.id",
                Long.class).setParameter("s", InboundMessage.State.QUEUED).setParameter("b", before)
                .setMaxResults(max).getResultList();
    }

    /** 14 characters from a 30-letter alphabet without vowels: about 68 bits, unique in practice (and enforced). */
    private static String newQueueId() {
        char[] c = new char[14];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }
}
