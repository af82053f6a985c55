package org.atrium.store.application.internal;

import static org.atrium.store.application.internal.DirectoryEntryRules.capacity;
import static org.atrium.store.application.internal.DirectoryEntryRules.text;
import static org.atrium.store.application.internal.DirectoryEntryRules.type;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.atrium.store.application.DirectoryChanged;
import org.atrium.store.application.MailboxService;
import org.atrium.store.application.ResourceData;
import org.atrium.store.application.ResourceService;
import org.atrium.store.application.ResourceView;
import org.atrium.store.application.StoreException;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.AccountKind;
import org.atrium.store.domain.Domain;
import org.atrium.store.domain.MailAddress;
import org.atrium.store.domain.ResourceInfo;

/**
 * See {@link ResourceService}. A resource is an {@link Account} of kind RESOURCE (no password, so no login can
 * succeed) with a {@link ResourceInfo} row; it gets the standard folders so that delivered mail lands in its INBOX.
 * Deleting refuses while the mailbox holds messages (ADR 0017): a delegate moves or deletes them first, so that no
 * message content is dropped behind the store's reference counting. Every change fires {@link DirectoryChanged}
 * (kind RESOURCE) for the GAL and the recipient cache.
 */
@Stateless
public class DefaultResourceService implements ResourceService {

    private static final Logger LOG = System.getLogger("org.atrium.store.directory");

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MailboxService mailboxes;

    @Inject
    Event<DirectoryChanged> changes;

    private final Clock clock = Clock.systemUTC();

    @Override
    public ResourceView create(ResourceData data) {
        MailAddress address = DirectoryEntryRules.address(data == null ? null : data.address());
        ResourceInfo.Type type = type(data.type());
        Integer capacity = capacity(data.capacity());
        String location = text("location", data.location());
        String displayName = text("displayName", data.displayName());
        Domain domain = em.createQuery("select d from Domain d where d.name = :n", Domain.class)
                .setParameter("n", address.domain()).getResultStream().findFirst()
                .orElseThrow(() -> StoreException.invalid("address", "domain " + address.domain()
                        + " is not hosted here"));
        if (DefaultDirectoryService.addressTaken(em, address.toString())) {
            throw StoreException.conflict("address", address + " is already in use");
        }
        Account a = Account.resource(domain, address, displayName, clock.instant());
        em.persist(a);
        em.flush();
        ResourceInfo info = new ResourceInfo(a, type);
        info.setCapacity(capacity);
        info.setLocation(location);
        em.persist(info);
        mailboxes.createDefaultFolders(a);
        em.flush();
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.RESOURCE, a.getAddress(), false));
        LOG.log(Level.INFO, "directory: resource {0} ({1}) created", a.getAddress(), type);
        return view(a, info);
    }

    @Override
    public List<ResourceView> resources(String domain, String type) {
        StringBuilder q = new StringBuilder("select a, r from Account a, ResourceInfo r where r.accountId = a.id "
                + "and a.kind = :k");
        Domain d = null;
        if (domain != null && !domain.isBlank()) {
            d = em.createQuery("select d from Domain d where d.name = :n", Domain.class)
                    .setParameter("n", domain.strip().toLowerCase(Locale.ROOT)).getResultStream().findFirst()
                    .orElseThrow(() -> StoreException.notFound("no domain " + domain.strip()));
            q.append(" and a.domain = :d");
        }
        ResourceInfo.Type t = type == null || type.isBlank() ? null : type(type);
        if (t != null) {
            q.append(" and r.type = :t");
        }
        var query = em.createQuery(q.append(" order by a.address").toString(), Object[].class)
                .setParameter("k", AccountKind.RESOURCE);
        if (d != null) {
            query.setParameter("d", d);
        }
        if (t != null) {
            query.setParameter("t", t);
        }
        List<ResourceView> out = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            out.add(view((Account) row[0], (ResourceInfo) row[1]));
        }
        return out;
    }

    @Override
    public Optional<ResourceView> resource(String address) {
        return accountEntity(address).map(a -> view(a, em.find(ResourceInfo.class, a.getId())));
    }

    @Override
    public ResourceView update(String address, ResourceData data) {
        Account a = accountEntity(address).orElseThrow(() -> StoreException.notFound("no resource " + address));
        if (data == null) {
            throw StoreException.invalid("type", "a body with the fields to change is required");
        }
        ResourceInfo info = em.find(ResourceInfo.class, a.getId());
        if (data.type() != null) {
            info.setType(type(data.type()));
        }
        if (data.capacity() != null) {
            info.setCapacity(capacity(data.capacity()));
        }
        if (data.location() != null) {
            info.setLocation(text("location", data.location()));
        }
        if (data.displayName() != null) {
            String name = text("displayName", data.displayName());
            a.setDisplayName(name == null ? a.getLocalPart() : name);
        }
        em.flush();
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.RESOURCE, a.getAddress(), false));
        LOG.log(Level.INFO, "directory: resource {0} changed", a.getAddress());
        return view(a, info);
    }

    @Override
    public void remove(String address) {
        Account a = accountEntity(address).orElseThrow(() -> StoreException.notFound("no resource " + address));
        long messages = messages(a);
        if (messages > 0) {
            throw StoreException.conflict("address", a.getAddress() + " holds " + messages
                    + " message(s); a delegate must move or delete them first");
        }
        String gone = a.getAddress();
        Long id = a.getId();
        em.flush();
        // Native statements: the folder tree's parent links have no cascade, the account's other rows (folders,
        // grants, subscriptions, seen marks, aliases) go by ON DELETE CASCADE (V1, V4).
        em.createNativeQuery("update folder set parent_id = null where owner_id = ?1").setParameter(1, id)
                .executeUpdate();
        em.createNativeQuery("delete from resource where account_id = ?1").setParameter(1, id).executeUpdate();
        em.createNativeQuery("delete from account where id = ?1").setParameter(1, id).executeUpdate();
        em.clear();
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.RESOURCE, gone, true));
        LOG.log(Level.INFO, "directory: resource {0} removed", gone);
    }

    private long messages(Account a) {
        return em.createQuery("select count(m) from MailItem m where m.folder.owner = :a", Long.class)
                .setParameter("a", a).getSingleResult();
    }

    private Optional<Account> accountEntity(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("select a from Account a where a.address = :a and a.kind = :k", Account.class)
                .setParameter("a", address.strip().toLowerCase(Locale.ROOT)).setParameter("k", AccountKind.RESOURCE)
                .getResultStream().findFirst();
    }

    private ResourceView view(Account a, ResourceInfo r) {
        return new ResourceView(a.getId(), a.getAddress(), a.getDomain().getName(), a.getDisplayName(),
                r.getType().name(), r.getCapacity(), r.getLocation(), a.isEnabled(), messages(a), a.getCreatedAt());
    }
}
