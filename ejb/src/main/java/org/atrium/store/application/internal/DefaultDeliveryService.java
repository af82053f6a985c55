package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.atrium.store.application.AcceptedMessage;
import org.atrium.store.application.DeliveryService;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.FolderChangeNotifier;
import org.atrium.store.application.IncomingMessage;
import org.atrium.store.application.PendingAcceptance;
import org.atrium.store.application.RecipientResolution;
import org.atrium.store.domain.Folder;
import org.atrium.store.domain.InboundMessage;
import org.atrium.store.domain.InboundRecipient;
import org.atrium.store.domain.MailItem;
import org.atrium.store.domain.MessageContent;
import org.atrium.store.domain.SpecialUse;
import org.atrium.store.domain.TrackingEvent;

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
            for (String r : msg.recipients()) {
                em.persist(new TrackingEvent(now, TrackingEvent.Kind.RECEIVED, entry.getQueueId(),
                        summary.messageId(), msg.reversePath(), r, msg.clientIp(), "size=" + p.blob().size()));
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
                if (res.kind() == RecipientResolution.Kind.LOCAL) {
                    targets.put(r, inboxes.computeIfAbsent(res.mailbox(), this::inboxId));
                }
            }
        }
        FolderLocks locks = new FolderLocks(em);
        new TreeSet<>(targets.values()).forEach(locks::lock);

        int delivered = 0;
        for (InboundMessage entry : entries) {
            delivered += file(entry, targets, locks, now);
        }
        return delivered;
    }

    private int file(InboundMessage entry, Map<InboundRecipient, Long> targets, FolderLocks locks, Instant now) {
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
            MailItem item = MailItem.file(inbox, content, entry.getReceivedAt(), Set.of());
            em.persist(item); // identity key: inserted now, so the id is known
            r.delivered(item.getId());
            notifier.changed(inboxId); // announced after the commit, for IMAP IDLE and untagged EXISTS
            em.persist(new TrackingEvent(now, TrackingEvent.Kind.DELIVERED, entry.getQueueId(),
                    content.getMessageId(), entry.getReversePath(), r.getAddress(), null, "INBOX uid=" + item.getUid()));
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
