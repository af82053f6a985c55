package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.atrium.store.application.DelegationService;
import org.atrium.store.application.GrantView;
import org.atrium.store.application.StoreException;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.AccountKind;
import org.atrium.store.domain.MailboxGrant;

/**
 * See {@link DelegationService}. Owner and grantee are users (never public folder stores); grantees are stored by
 * their primary address, which is what {@link FolderAccess} looks up.
 */
@Stateless
public class DefaultDelegationService implements DelegationService {

    private static final Logger LOG = System.getLogger("org.atrium.store.delegation");

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Override
    public List<GrantView> given(String owner) {
        Account o = owner(owner).orElseThrow(() -> StoreException.notFound("no user " + owner));
        return em.createQuery("select g from MailboxGrant g where g.ownerId = :o order by g.grantee",
                MailboxGrant.class).setParameter("o", o.getId()).getResultList().stream()
                .map(g -> view(o, g)).toList();
    }

    @Override
    public List<GrantView> received(String grantee) {
        Account g = user(grantee).orElseThrow(() -> StoreException.notFound("no user " + grantee));
        List<Object[]> rows = em.createQuery("select a, g from MailboxGrant g, Account a where a.id = g.ownerId "
                + "and g.grantee = :g order by a.address", Object[].class)
                .setParameter("g", g.getAddress().toLowerCase(Locale.ROOT)).getResultList();
        return rows.stream().map(r -> view((Account) r[0], (MailboxGrant) r[1])).toList();
    }

    @Override
    public GrantView set(String owner, String grantee, String access, Boolean sendAs, Boolean sendOnBehalf) {
        Account o = owner(owner).orElseThrow(() -> StoreException.notFound("no user " + owner));
        Account g = user(grantee).orElseThrow(() -> StoreException.invalid("grantee", "no user " + grantee));
        if (o.getId().equals(g.getId())) {
            throw StoreException.invalid("grantee", "a user cannot delegate to themselves");
        }
        MailboxGrant.Access a = null;
        if (access != null) {
            try {
                a = MailboxGrant.Access.valueOf(access.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw StoreException.invalid("access", "access is NONE, READ or FULL");
            }
        }
        String key = g.getAddress().toLowerCase(Locale.ROOT);
        MailboxGrant grant = em.find(MailboxGrant.class, new MailboxGrant.Key(o.getId(), key));
        boolean isNew = grant == null;
        if (isNew) {
            grant = new MailboxGrant(o.getId(), key);
        }
        if (a != null) {
            grant.setAccess(a);
        }
        if (sendAs != null) {
            grant.setSendAs(sendAs);
        }
        if (sendOnBehalf != null) {
            grant.setSendOnBehalf(sendOnBehalf);
        }
        if (grant.isEmpty()) {
            if (!isNew) {
                em.remove(grant);
            }
        } else if (isNew) {
            em.persist(grant);
        }
        LOG.log(Level.INFO, "delegation: {0} grants {1} access={2} sendAs={3} sendOnBehalf={4}", o.getAddress(),
                key, grant.getAccess(), grant.isSendAs(), grant.isSendOnBehalf());
        return view(o, grant);
    }

    @Override
    public void remove(String owner, String grantee) {
        Account o = owner(owner).orElseThrow(() -> StoreException.notFound("no user " + owner));
        String key = grantee == null ? "" : grantee.strip().toLowerCase(Locale.ROOT);
        Optional<Account> g = user(key);
        MailboxGrant grant = em.find(MailboxGrant.class,
                new MailboxGrant.Key(o.getId(), g.map(Account::getAddress).orElse(key)));
        if (grant != null) {
            em.remove(grant);
            LOG.log(Level.INFO, "delegation: {0} withdrew the grant to {1}", o.getAddress(), grant.getGrantee());
        }
    }

    /** Whose mailbox a grant is over: a user's or a resource's (ADR 0017: resources are read by delegates). */
    private Optional<Account> owner(String address) {
        return anyAccount(address).filter(x -> x.getKind().isMailbox());
    }

    /** A user by primary address or alias; public folder stores and resources are no users. */
    private Optional<Account> user(String address) {
        return anyAccount(address).filter(x -> x.getKind() == AccountKind.USER);
    }

    private Optional<Account> anyAccount(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String key = address.strip().toLowerCase(Locale.ROOT);
        Optional<Account> a = em.createQuery("select a from Account a where a.address = :a", Account.class)
                .setParameter("a", key).getResultStream().findFirst();
        if (a.isEmpty()) {
            a = em.createQuery("select al.account from Alias al where al.address = :a", Account.class)
                    .setParameter("a", key).getResultStream().findFirst();
        }
        return a;
    }

    private static GrantView view(Account owner, MailboxGrant g) {
        return new GrantView(owner.getAddress(), g.getGrantee(), g.getAccess().name(), g.isSendAs(),
                g.isSendOnBehalf());
    }
}
