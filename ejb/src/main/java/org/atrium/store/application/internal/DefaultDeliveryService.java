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
import java.util.List;
import java.util.Set;
import org.atrium.store.application.AcceptedMessage;
import org.atrium.store.application.ContentSummary;
import org.atrium.store.application.DeliveryService;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.IncomingMessage;
import org.atrium.store.application.RecipientResolution;
import org.atrium.store.domain.BlobStore.BlobRef;
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

    private final Clock clock = Clock.systemUTC();

    @Override
    public AcceptedMessage accept(IncomingMessage msg, BlobRef blob, ContentSummary summary) {
        Instant now = clock.instant();
        MessageContent content = new MessageContent(blob.hash(), blob.size(), summary.metadataJson(), 1, now);
        content.describe(summary.sentDate(), summary.subject(), summary.from(), summary.to(), summary.messageId(),
                summary.inReplyTo());
        em.persist(content);
        InboundMessage entry = new InboundMessage(newQueueId(), content, msg.reversePath(), msg.clientIp(), msg.helo(),
                msg.authenticatedUser(), msg.sessionId(), msg.receivedAt(), msg.recipients());
        em.persist(entry);
        for (String r : msg.recipients()) {
            em.persist(new TrackingEvent(now, TrackingEvent.Kind.RECEIVED, entry.getQueueId(), summary.messageId(),
                    msg.reversePath(), r, msg.clientIp(), "size=" + blob.size()));
        }
        em.flush();
        return new AcceptedMessage(entry.getId(), entry.getQueueId());
    }

    @Override
    public int deliver(long inboundId) {
        InboundMessage entry = em.find(InboundMessage.class, inboundId, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null || entry.getState() == InboundMessage.State.DONE) {
            return 0; // a repeated wake-up: already filed
        }
        entry.attempt();
        Instant now = clock.instant();
        FolderLocks locks = new FolderLocks(em);
        MessageContent content = entry.getContent();
        int delivered = 0;
        for (InboundRecipient r : entry.getRecipients()) {
            if (!r.isPending()) {
                continue;
            }
            RecipientResolution res = directory.resolve(r.getAddress());
            if (res.kind() != RecipientResolution.Kind.LOCAL) {
                // The account went away between acceptance and delivery. A DSN to the sender comes with the
                // transport's bounce handling (issue #4); the tracking log records the failure meanwhile.
                r.failed("no such mailbox any more");
                em.persist(new TrackingEvent(now, TrackingEvent.Kind.FAILED, entry.getQueueId(), content.getMessageId(),
                        entry.getReversePath(), r.getAddress(), null, "no such mailbox any more"));
                LOG.log(Level.WARNING, "delivery: queue={0} to={1} failed: no such mailbox", entry.getQueueId(),
                        r.getAddress());
                continue;
            }
            Long inboxId = em.createQuery("select f.id from Folder f where f.owner.address = :a and f.specialUse = :u",
                    Long.class).setParameter("a", res.mailbox()).setParameter("u", SpecialUse.INBOX)
                    .getResultStream().findFirst().orElseThrow(() -> new IllegalStateException(
                            "account " + res.mailbox() + " has no INBOX"));
            Folder inbox = locks.lock(inboxId);
            MailItem item = MailItem.file(inbox, content, entry.getReceivedAt(), Set.of());
            em.persist(item); // identity key: inserted now, so the id is known
            r.delivered(item.getId());
            em.persist(new TrackingEvent(now, TrackingEvent.Kind.DELIVERED, entry.getQueueId(), content.getMessageId(),
                    entry.getReversePath(), r.getAddress(), null, "INBOX uid=" + item.getUid()));
            delivered++;
        }
        // One reference per filed item; when the queue entry is done it goes (the tracking log keeps its history)
        // and with it the reference it held. A later duplicate wake-up finds no entry and does nothing.
        boolean done = entry.completeIfSettled(now);
        if (done) {
            em.remove(entry);
        }
        contents.adjust(content, delivered - (done ? 1 : 0));
        LOG.log(Level.DEBUG, "delivery: queue={0} delivered={1}", entry.getQueueId(), delivered);
        return delivered;
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
