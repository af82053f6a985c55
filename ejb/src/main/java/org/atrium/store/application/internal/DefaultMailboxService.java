package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.atrium.store.application.FolderChangeNotifier;
import org.atrium.store.application.MailboxService;
import org.atrium.store.application.MessageRef;
import org.atrium.store.application.StoreException;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.Flag;
import org.atrium.store.domain.Folder;
import org.atrium.store.domain.MailItem;
import org.atrium.store.domain.SpecialUse;

/** See {@link MailboxService}. */
@Stateless
public class DefaultMailboxService implements MailboxService {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    ContentReferences contents;

    @Inject
    BlobStoreHolder blobs;

    @Inject
    FolderChangeNotifier notifier;

    private final Clock clock = Clock.systemUTC();

    @Override
    public void createDefaultFolders(Account account) {
        Instant now = clock.instant();
        Map<SpecialUse, Folder> created = new EnumMap<>(SpecialUse.class);
        for (SpecialUse use : SpecialUse.values()) {
            Folder f = new Folder(account, null, use.defaultName(), use, now);
            em.persist(f);
            created.put(use, f);
        }
    }

    @Override
    public List<MessageRef> inbox(String account) {
        Folder inbox = inboxOf(account);
        List<Object[]> rows = em.createQuery("select i.id, i.uid, i.size, i.flags from MailItem i "
                + "where i.folder = :f order by i.uid", Object[].class).setParameter("f", inbox).getResultList();
        List<MessageRef> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            if (Flag.fromBits((Integer) r[3]).contains(Flag.DELETED)) {
                continue;
            }
            out.add(new MessageRef((Long) r[0], inbox.getUidValidity(), (Long) r[1], (Long) r[2]));
        }
        return out;
    }

    @Override
    public InputStream open(String account, long itemId) throws IOException {
        MailItem item = em.find(MailItem.class, itemId);
        if (item == null || !item.getFolder().getOwner().getAddress().equals(account)) {
            throw new IOException("message " + itemId + " not found in mailbox " + account);
        }
        return blobs.get().open(item.getContent().getBlobHash());
    }

    @Override
    public int expunge(String account, Collection<Long> itemIds) {
        int removed = 0;
        FolderLocks locks = new FolderLocks(em);
        Mailboxes mailboxes = new Mailboxes(em);
        for (Long id : itemIds) {
            MailItem item = em.find(MailItem.class, id);
            if (item == null || !item.getFolder().getOwner().getAddress().equals(account)) {
                continue; // already gone (another session expunged it): nothing to do
            }
            Folder folder = locks.lock(item.getFolder().getId());
            // An expunge is a change the IMAP HIGHESTMODSEQ must reflect, and QRESYNC clients must learn of it as
            // VANISHED (RFC 7162 §3.1.10, §3.2.5.2): the history row takes the new MODSEQ.
            mailboxes.remove(item, folder);
            contents.release(item.getContent());
            notifier.changed(folder.getId());
            removed++;
        }
        return removed;
    }

    @Override
    public Optional<String> acquireMaildropLock(String account, Duration lease) {
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        int n = em.createQuery("update Account a set a.pop3Lock = :t, a.pop3LockUntil = :until "
                + "where a.address = :a and (a.pop3Lock is null or a.pop3LockUntil < :now)")
                .setParameter("t", token).setParameter("until", now.plus(lease)).setParameter("a", account)
                .setParameter("now", now).executeUpdate();
        return n == 1 ? Optional.of(token) : Optional.empty();
    }

    @Override
    public boolean renewMaildropLock(String account, String token, Duration lease) {
        return em.createQuery("update Account a set a.pop3LockUntil = :until where a.address = :a and a.pop3Lock = :t")
                .setParameter("until", clock.instant().plus(lease)).setParameter("a", account)
                .setParameter("t", token).executeUpdate() == 1;
    }

    @Override
    public void releaseMaildropLock(String account, String token) {
        em.createQuery("update Account a set a.pop3Lock = null, a.pop3LockUntil = null "
                + "where a.address = :a and a.pop3Lock = :t")
                .setParameter("a", account).setParameter("t", token).executeUpdate();
    }

    Folder inboxOf(String account) {
        return em.createQuery("select f from Folder f where f.owner.address = :a and f.specialUse = :u", Folder.class)
                .setParameter("a", account).setParameter("u", SpecialUse.INBOX).getResultStream().findFirst()
                .orElseThrow(() -> StoreException.notFound("no mailbox " + account));
    }
}
