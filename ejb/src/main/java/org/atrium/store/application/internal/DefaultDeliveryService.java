package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.atrium.store.application.AcceptedMessage;
import org.atrium.store.application.DeliveryService;
import org.atrium.store.application.FolderChangeNotifier;
import org.atrium.store.application.FolderService;
import org.atrium.store.application.PendingAcceptance;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.Folder;
import org.atrium.store.domain.InboundMessage;
import org.atrium.store.domain.InboundRecipient;
import org.atrium.store.domain.MailItem;
import org.atrium.store.domain.MessageContent;
import org.atrium.store.domain.Quota;
import org.atrium.store.domain.SpecialUse;
import org.atrium.store.domain.TrackingEvent;

/**
 * See {@link DeliveryService}. Each accepted recipient is routed at delivery time ({@link RecipientRouter}): local
 * mailboxes and public folders are filed here, remote recipients go to the outbound queue ({@link OutboundQueue}) in
 * the same transaction, and failures are reported to the sender (RFC 3464, {@link DsnSender}).
 */
@Stateless
public class DefaultDeliveryService implements DeliveryService {

    private static final Logger LOG = System.getLogger("org.atrium.store.delivery");

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    ContentReferences contents;

    @Inject
    RecipientRouter router;

    @Inject
    FolderChangeNotifier notifier;

    @Inject
    InboundQueueWriter writer;

    @Inject
    OutboundQueue outbound;

    @Inject
    DsnSender dsn;

    @Inject
    PublicFolderWarnings warnings;

    private final Clock clock = Clock.systemUTC();

    /**
     * One final destination of an accepted recipient: a folder to file into, or a failure (folder null).
     *
     * @param address the final address (the account, the folder's address, the failed address)
     */
    private record Target(InboundRecipient recipient, String address, Long folderId, String status, String reason) {
    }

    /** What routing decided for one queue entry. */
    private record Plan(List<Target> targets, List<OutboundQueue.Remote> remotes,
            Map<InboundRecipient, List<String>> remoteOf) {
    }

    @Override
    public List<AcceptedMessage> acceptAll(List<PendingAcceptance> pending) {
        Instant now = clock.instant();
        List<InboundMessage> entries = new ArrayList<>(pending.size());
        for (PendingAcceptance p : pending) {
            entries.add(writer.write(p, now));
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
        Map<InboundMessage, Plan> plans = new LinkedHashMap<>();
        Set<Long> folders = new TreeSet<>();
        for (InboundMessage entry : entries) {
            entry.attempt();
            Plan plan = plan(entry, inboxes);
            plan.targets().stream().map(Target::folderId).filter(f -> f != null).forEach(folders::add);
            plans.put(entry, plan);
        }
        FolderLocks locks = new FolderLocks(em);
        folders.forEach(locks::lock);

        int delivered = 0;
        Set<Folder> publicFolders = new LinkedHashSet<>();
        for (Map.Entry<InboundMessage, Plan> e : plans.entrySet()) {
            delivered += file(e.getKey(), e.getValue(), locks, now, publicFolders);
        }
        for (Folder f : publicFolders) {
            warnings.warnIfNeeded(f, now);
        }
        return delivered;
    }

    /** Routes each pending recipient of an entry (a group may expand to several destinations). */
    private Plan plan(InboundMessage entry, Map<String, Long> inboxes) {
        List<Target> targets = new ArrayList<>();
        List<OutboundQueue.Remote> remotes = new ArrayList<>();
        Map<InboundRecipient, List<String>> remoteOf = new HashMap<>();
        for (InboundRecipient r : entry.getRecipients()) {
            if (!r.isPending()) {
                continue;
            }
            List<Route> routes = router.routes(r.getAddress(), entry.getReversePath());
            if (routes.isEmpty()) {
                targets.add(new Target(r, r.getAddress(), null, "5.1.1", "no route to this recipient"));
            }
            for (Route route : routes) {
                if (route instanceof Route.Mailbox m) {
                    // A disabled account refuses new mail at RCPT; what was accepted before still arrives.
                    targets.add(new Target(r, m.account(), inboxes.computeIfAbsent(m.account(), this::inboxId), null,
                            null));
                } else if (route instanceof Route.PublicFolder p) {
                    targets.add(folderExists(p.folderId())
                            ? new Target(r, p.address(), p.folderId(), null, null) // ADR 0006
                            : new Target(r, p.address(), null, "5.1.1", "no such mailbox any more"));
                } else if (route instanceof Route.Remote x && x.address().indexOf('@') > 0) {
                    remotes.add(new OutboundQueue.Remote(x.address(), r.getNotify(), orcpt(r, x.address())));
                    remoteOf.computeIfAbsent(r, k -> new ArrayList<>()).add(x.address());
                } else if (route instanceof Route.Remote x) {
                    targets.add(new Target(r, x.address(), null, "5.1.3", "not a routable address"));
                } else if (route instanceof Route.Failed f) {
                    targets.add(new Target(r, f.address(), null, f.status(), f.reason()));
                }
            }
        }
        return new Plan(targets, remotes, remoteOf);
    }

    /**
     * The ORCPT to keep for a final address: the client's, or else the accepted address when routing changed it
     * (a group member, a forward), so that the sender recognises the recipient in a DSN (RFC 3461 §4.2).
     */
    private static String orcpt(InboundRecipient r, String finalAddress) {
        if (r.getOrcpt() != null || r.getAddress().equalsIgnoreCase(finalAddress)) {
            return r.getOrcpt();
        }
        return "rfc822;" + Xtext.encode(r.getAddress());
    }

    private boolean folderExists(Long folderId) {
        return folderId != null && em.createQuery("select count(f) from Folder f where f.id = :id", Long.class)
                .setParameter("id", folderId).getSingleResult() > 0;
    }

    private int file(InboundMessage entry, Plan plan, FolderLocks locks, Instant now, Set<Folder> publicFolders) {
        MessageContent content = entry.getContent();
        int filed = 0;
        Map<InboundRecipient, Long> firstItem = new HashMap<>();
        Map<InboundRecipient, String> failure = new HashMap<>();
        List<DsnComposer.Recipient> report = new ArrayList<>();
        for (Target t : plan.targets()) {
            InboundRecipient r = t.recipient();
            String[] refusal = t.folderId() == null ? new String[] {t.status(), t.reason()} : null;
            Folder folder = refusal == null ? locks.lock(t.folderId()) : null;
            boolean isPublic = folder != null && folder.getOwner().getKind().isPublic();
            if (folder != null && isPublic && overProhibit(folder, content.getSize())) {
                // Accepted at RCPT while there was room; it filled up since.
                refusal = new String[] {"5.2.2", "public folder full"};
            } else if (folder != null && !isPublic && overQuota(folder.getOwner(), content.getSize())) {
                // Accepted at RCPT while there was room (RCPT refuses a full mailbox with 552 5.2.2); this message
                // would take it above its limit (RFC 9208 §5).
                refusal = new String[] {"5.2.2", "mailbox full"};
            }
            if (refusal != null) {
                failure.putIfAbsent(r, refusal[1]);
                em.persist(new TrackingEvent(now, TrackingEvent.Kind.FAILED, entry.getQueueId(),
                        content.getMessageId(), entry.getReversePath(), t.address(), null,
                        refusal[0] + " " + refusal[1]));
                LOG.log(Level.WARNING, "delivery: queue={0} to={1} failed: {2} {3}", entry.getQueueId(), t.address(),
                        refusal[0], refusal[1]);
                if (DsnNotify.wants(entry.getReversePath(), r.getNotify(), DsnNotify.On.FAILURE)) {
                    report.add(new DsnComposer.Recipient(t.address(), orcpt(r, t.address()),
                            DsnComposer.Action.FAILED, refusal[0], null, null, refusal[1], now, null));
                }
                continue;
            }
            // A post's creator stays null here: the entity offers no setter for it in this code path (ADR 0006).
            MailItem item = MailItem.file(folder, content, entry.getReceivedAt(), Set.of());
            em.persist(item); // identity key: inserted now, so the id is known
            firstItem.putIfAbsent(r, item.getId());
            notifier.changed(folder.getId()); // announced after the commit, for IMAP IDLE and untagged EXISTS
            if (isPublic) {
                publicFolders.add(folder);
            }
            em.persist(new TrackingEvent(now, TrackingEvent.Kind.DELIVERED, entry.getQueueId(),
                    content.getMessageId(), entry.getReversePath(), t.address(), null,
                    (isPublic ? "public folder " + folder.getPath() : "INBOX") + " uid=" + item.getUid()));
            if (DsnNotify.wants(entry.getReversePath(), r.getNotify(), DsnNotify.On.SUCCESS)) {
                report.add(new DsnComposer.Recipient(t.address(), orcpt(r, t.address()),
                        DsnComposer.Action.DELIVERED, "2.0.0", null, null,
                        "delivered to " + (isPublic ? "public folder " + folder.getPath() : "the mailbox"), now,
                        null));
            }
            filed++;
        }
        List<String> outboundIds = outbound.enqueue(entry, plan.remotes(), now);
        for (InboundRecipient r : entry.getRecipients()) {
            if (!r.isPending()) {
                continue;
            }
            if (firstItem.containsKey(r)) {
                r.delivered(firstItem.get(r)); // a group's first member's item; the others are in the tracking log
            } else if (plan.remoteOf().containsKey(r)) {
                r.relayed("outbound " + String.join(",", outboundIds));
            } else {
                r.failed(failure.getOrDefault(r, "no route"));
            }
        }
        dsn.send(DsnSender.of(entry), report, now); // before the reference below goes: it reads the original
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
            warnings.warnIfNeeded(f, clock.instant());
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
}
