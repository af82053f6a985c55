package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.atrium.store.application.DomainAdminService;
import org.atrium.store.application.DomainAdminView;
import org.atrium.store.application.StoreException;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.AccountKind;
import org.atrium.store.domain.Domain;
import org.atrium.store.domain.MailAddress;

/**
 * See {@link DomainAdminService} and ADR 0015. The grants live in {@code domain_admin} (V11), read and written with
 * plain SQL: a join table with a date needs no entity. Only {@link AccountKind#USER} accounts can be granted (public
 * folder stores never log in); the rows go with the account or the domain (ON DELETE CASCADE).
 */
@Stateless
public class DefaultDomainAdminService implements DomainAdminService {

    private static final Logger LOG = System.getLogger("org.atrium.store.directory");

    /** The administrators of a domain (?1: its id): address, granted_at. */
    static final String ADMINS = "SELECT a.address, da.granted_at FROM domain_admin da "
            + "JOIN account a ON a.id = da.account_id WHERE da.domain_id = ?1 ORDER BY a.address";

    /** The domains an address (?1, lower case) administers, by name. */
    static final String DOMAINS_OF = "SELECT d.name FROM domain_admin da JOIN domain d ON d.id = da.domain_id "
            + "JOIN account a ON a.id = da.account_id WHERE a.address = ?1 ORDER BY d.name";

    static final String GRANTED_AT = "SELECT granted_at FROM domain_admin WHERE account_id = ?1 AND domain_id = ?2";

    static final String INSERT = "INSERT INTO domain_admin (account_id, domain_id, granted_at) VALUES (?1, ?2, ?3)";

    static final String DELETE = "DELETE FROM domain_admin WHERE account_id = ?1 AND domain_id = ?2";

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public List<DomainAdminView> admins(String domain) {
        Domain d = domainEntity(domain);
        List<Object[]> rows = em.createNativeQuery(ADMINS)
                .setParameter(1, d.getId()).getResultList();
        return rows.stream().map(r -> new DomainAdminView(d.getName(), (String) r[0], TrackingSql.instant(r[1])))
                .toList();
    }

    @Override
    public DomainAdminView grant(String domain, String address) {
        Domain d = domainEntity(domain);
        Account a = userEntity(address);
        Optional<Instant> existing = grantedAt(a, d);
        if (existing.isPresent()) {
            return new DomainAdminView(d.getName(), a.getAddress(), existing.get());
        }
        // Microseconds: what both databases keep, so the answer equals what a later read shows.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery(INSERT)
                .setParameter(1, a.getId()).setParameter(2, d.getId())
                .setParameter(3, now.atOffset(ZoneOffset.UTC)).executeUpdate();
        LOG.log(Level.INFO, "directory: {0} is now an administrator of domain {1}", a.getAddress(), d.getName());
        return new DomainAdminView(d.getName(), a.getAddress(), now);
    }

    @Override
    public void revoke(String domain, String address) {
        Domain d = domainEntity(domain);
        Account a = userEntity(address);
        int n = em.createNativeQuery(DELETE)
                .setParameter(1, a.getId()).setParameter(2, d.getId()).executeUpdate();
        if (n == 0) {
            throw StoreException.notFound(a.getAddress() + " is not an administrator of domain " + d.getName());
        }
        LOG.log(Level.INFO, "directory: {0} is no longer an administrator of domain {1}", a.getAddress(),
                d.getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> domainsOf(String address) {
        if (address == null || address.isBlank()) {
            return List.of();
        }
        return em.createNativeQuery(DOMAINS_OF)
                .setParameter(1, address.strip().toLowerCase(Locale.ROOT)).getResultList();
    }

    @SuppressWarnings("unchecked")
    private Optional<Instant> grantedAt(Account a, Domain d) {
        List<Object> rows = em.createNativeQuery(GRANTED_AT)
                .setParameter(1, a.getId()).setParameter(2, d.getId()).getResultList();
        return rows.stream().findFirst().map(TrackingSql::instant);
    }

    private Domain domainEntity(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return em.createQuery("select d from Domain d where d.name = :n", Domain.class).setParameter("n", n)
                .getResultStream().findFirst().orElseThrow(() -> StoreException.notFound("no domain " + n));
    }

    private Account userEntity(String address) {
        String a;
        try {
            a = MailAddress.parse(address == null ? "" : address.strip()).toString().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("address", e.getMessage());
        }
        return em.createQuery("select a from Account a where a.address = :a and a.kind = :user", Account.class)
                .setParameter("a", a).setParameter("user", AccountKind.USER).getResultStream().findFirst()
                .orElseThrow(() -> StoreException.notFound("no user " + a));
    }
}
