package org.atrium.store.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atrium.store.application.OutboundQueued;
import org.atrium.store.domain.InboundMessage;
import org.atrium.store.domain.OutboundMessage;

/**
 * Files the remote recipients of an inbound message into the outbound queue, in the delivery transaction (so a
 * message is either filed locally and queued for relay, or neither): one entry per destination domain
 * ({@link OutboundGrouping}), each holding one reference on the content, woken after commit (ADR 0010).
 */
@ApplicationScoped
public class OutboundQueue {

    private static final Logger LOG = System.getLogger("org.atrium.store.outbound");

    /** A queued entry whose wake-up was lost is due again after this long (the sweep then wakes it). */
    static final Duration WAKE_LEASE = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    ContentReferences contents;

    @Inject
    Event<OutboundQueued> queued;

    /**
     * One remote recipient.
     *
     * @param notifyOn NOTIFY= to pass on, or null
     * @param orcpt ORCPT= to pass on, or null
     */
    record Remote(String address, String notifyOn, String orcpt) {
    }

    /** @return the entries' queue ids */
    public List<String> enqueue(InboundMessage from, List<Remote> remotes, Instant now) {
        if (remotes.isEmpty()) {
            return List.of();
        }
        Map<String, Remote> byAddress = new HashMap<>();
        remotes.forEach(r -> byAddress.putIfAbsent(r.address(), r));
        Instant expires = from.getReceivedAt().plus(RetrySchedule.setting("atrium.queue.lifetime",
                RetrySchedule.DEFAULT_LIFETIME));
        List<OutboundMessage> entries = new ArrayList<>();
        // Each entry is named after the message as its sender knows it ("queued as <id>"): <id>.1, <id>.2 ... one per
        // destination domain, so that the tracking log and the queue tools find them under the id of the 250 reply.
        long earlier = em.createQuery("select count(m) from OutboundMessage m where m.inboundQueueId = :q", Long.class)
                .setParameter("q", from.getQueueId()).getSingleResult();
        int[] n = {(int) earlier};
        OutboundGrouping.byDomain(remotes.stream().map(Remote::address).toList()).forEach((domain, addresses) -> {
            OutboundMessage m = new OutboundMessage(from.getQueueId() + "." + (++n[0]), from.getContent(), from.getReversePath(), domain,
                    from.getEnvid(), from.getRet(), from.getReceivedAt(), expires, now.plus(WAKE_LEASE),
                    from.getAuthUser(), from.getQueueId());
            for (String a : addresses) {
                Remote r = byAddress.get(a);
                m.addRecipient(a, r.notifyOn(), r.orcpt());
            }
            em.persist(m);
            entries.add(m);
            LOG.log(Level.INFO, "outbound: queue={0} from inbound {1} to {2} ({3} recipient(s))", m.getQueueId(),
                    from.getQueueId(), domain, addresses.size());
        });
        contents.adjust(from.getContent(), entries.size());
        em.flush();
        queued.fire(new OutboundQueued(entries.stream().map(OutboundMessage::getId).toList()));
        return entries.stream().map(OutboundMessage::getQueueId).toList();
    }

    /** Removes an entry (settled, deleted or bounced) and the content reference it held, in the caller's transaction. */
    public void remove(OutboundMessage m) {
        var content = m.getContent();
        em.remove(m);
        contents.release(content);
    }
}
