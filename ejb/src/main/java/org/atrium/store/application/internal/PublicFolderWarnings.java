package org.atrium.store.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.AccountKind;
import org.atrium.store.domain.Folder;
import org.atrium.store.domain.FolderAcl;
import org.atrium.store.domain.MailGroup;

/**
 * After posts to a public folder (still under its row lock, in the caller's transaction): the first time usage
 * reaches the warning level, its owners (entries with {@code a}, groups expanded) get one notice in their INBOX
 * through the normal delivery path (a queue entry, delivered after this transaction commits), and the warning is
 * recorded; once usage is below the level again the record is cleared, so that the next crossing warns again
 * (ADR 0006).
 */
@ApplicationScoped
public class PublicFolderWarnings {

    private static final Logger LOG = System.getLogger("org.atrium.store.delivery");

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    InboundQueueWriter writer;


    public void warnIfNeeded(Folder folder, Instant now) {
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
        try {
            writer.writeGenerated(message, recipients, "localhost", "quota-warning", now);
        } catch (IOException e) {
            // The warning is advice; the posts it follows must not fail for it.
            LOG.log(Level.WARNING, "delivery: quota warning not queued: {0}", e.toString());
        }
    }
}
