package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.atrium.store.application.AccountDetails;
import org.atrium.store.application.ClassOfServiceService;
import org.atrium.store.application.ClassOfServiceSpec;
import org.atrium.store.application.ClassOfServiceView;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.StoreException;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.AccountKind;
import org.atrium.store.domain.ClassOfService;

/** Classes of service kept in the database. See {@link ClassOfServiceService} and ADR 0016. */
@Stateless
public class DefaultClassOfServiceService implements ClassOfServiceService {

    private static final Logger LOG = System.getLogger("org.atrium.store.directory");

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    DirectoryService directory;

    private final Clock clock = Clock.systemUTC();

    @Override
    public List<ClassOfServiceView> classesOfService() {
        return em.createQuery("select c from ClassOfService c order by c.name", ClassOfService.class)
                .getResultList().stream().map(this::view).toList();
    }

    @Override
    public Optional<ClassOfServiceView> classOfService(String name) {
        return find(name).map(this::view);
    }

    @Override
    public ClassOfServiceView create(ClassOfServiceSpec spec) {
        if (spec == null) {
            throw StoreException.invalid("name", "name is required");
        }
        ClassOfService c = apply(() -> new ClassOfService(spec.name(), clock.instant()));
        if (find(c.getName()).isPresent()) {
            throw StoreException.conflict("name", "class of service " + c.getName() + " already exists");
        }
        configure(c, spec);
        em.persist(c);
        em.flush();
        LOG.log(Level.INFO, "directory: class of service {0} created ({1})", c.getName(), summary(c));
        return view(c);
    }

    @Override
    public ClassOfServiceView update(String name, ClassOfServiceSpec spec) {
        ClassOfService c = entity(name);
        ClassOfServiceSpec s = spec != null ? spec
                : new ClassOfServiceSpec(null, null, null, null, null, null, null, null, null, null);
        if (s.name() != null && !apply(() -> ClassOfService.normalizeName(s.name())).equals(c.getName())) {
            throw StoreException.invalid("name", "a class of service cannot be renamed; create another one");
        }
        configure(c, s);
        em.flush();
        LOG.log(Level.INFO, "directory: class of service {0} changed ({1})", c.getName(), summary(c));
        return view(c);
    }

    @Override
    public void remove(String name) {
        ClassOfService c = entity(name);
        long users = users(c);
        if (users > 0) {
            throw StoreException.conflict("name", "class of service " + c.getName() + " is assigned to " + users
                    + (users == 1 ? " user" : " users") + "; assign them another one (or none) first");
        }
        em.remove(c);
        em.flush();
        LOG.log(Level.INFO, "directory: class of service {0} deleted", c.getName());
    }

    @Override
    public AccountDetails assign(String address, String name) {
        Account a = account(address).orElseThrow(() -> StoreException.notFound("no account " + address));
        ClassOfService c = name == null || name.isBlank() ? null : entity(name);
        a.setClassOfService(c);
        em.flush();
        LOG.log(Level.INFO, "directory: class of service of {0} set to {1}", a.getAddress(),
                c == null ? "none" : c.getName());
        return directory.accountDetails(a.getAddress()).orElseThrow();
    }

    @Override
    public Optional<String> protocolRefusal(String account, String protocol, String clientIp) {
        Optional<ClassOfService> c = account(account).map(Account::getClassOfService);
        if (c.isEmpty() || c.get().allows(protocol)) {
            return Optional.empty();
        }
        String name = c.get().getName();
        LOG.log(Level.WARNING, "auth: {0} login refused: protocol not allowed by class of service {1} user={2} "
                + "client={3}", protocol, name, account, clientIp);
        return Optional.of(name);
    }

    @Override
    public boolean mayUsePublicFolders(String account) {
        return account(account).map(Account::mayUsePublicFolders).orElse(true);
    }

    @Override
    public boolean mayDelegate(String account) {
        return account(account).map(Account::mayDelegate).orElse(true);
    }

    /** Applies the spec's settings; INVALID names the field at fault. */
    private static void configure(ClassOfService c, ClassOfServiceSpec s) {
        apply(() -> {
            c.setDescription(s.description());
            c.setQuota(s.quotaBytes(), s.quotaMessages(), s.quotaWarnPercent());
            c.setProtocols(!Boolean.FALSE.equals(s.imap()), !Boolean.FALSE.equals(s.pop3()),
                    !Boolean.FALSE.equals(s.submission()));
            c.setFeatures(!Boolean.FALSE.equals(s.publicFolders()), !Boolean.FALSE.equals(s.delegation()));
            return c;
        });
    }

    /** Runs a domain operation, turning its "field: message" IllegalArgumentException into INVALID (field). */
    private static <T> T apply(java.util.function.Supplier<T> op) {
        try {
            return op.get();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage() == null ? "invalid value" : e.getMessage();
            int colon = m.indexOf(':');
            if (colon <= 0) {
                throw StoreException.invalid("name", m);
            }
            throw StoreException.invalid(m.substring(0, colon), m.substring(colon + 1).strip());
        }
    }

    private ClassOfService entity(String name) {
        return find(name).orElseThrow(() -> StoreException.notFound("no class of service " + name));
    }

    private Optional<ClassOfService> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return em.createQuery("select c from ClassOfService c where c.name = :n", ClassOfService.class)
                .setParameter("n", name.strip().toLowerCase(java.util.Locale.ROOT)).getResultStream().findFirst();
    }

    private Optional<Account> account(String address) {
        if (address == null) {
            return Optional.empty();
        }
        return em.createQuery("select a from Account a where a.address = :a and a.kind = :user", Account.class)
                .setParameter("a", address.trim().toLowerCase(java.util.Locale.ROOT))
                .setParameter("user", AccountKind.USER).getResultStream().findFirst();
    }

    private long users(ClassOfService c) {
        return em.createQuery("select count(a) from Account a where a.classOfService = :c", Long.class)
                .setParameter("c", c).getSingleResult();
    }

    private ClassOfServiceView view(ClassOfService c) {
        return new ClassOfServiceView(c.getId(), c.getName(), c.getDescription(), c.getQuotaBytes(),
                c.getQuotaMessages(), c.getQuotaWarnPercent(), c.isImap(), c.isPop3(), c.isSubmission(),
                c.isPublicFolders(), c.isDelegation(), c.getCreatedAt(), users(c));
    }

    private static String summary(ClassOfService c) {
        return "bytes=" + text(c.getQuotaBytes()) + " messages=" + text(c.getQuotaMessages()) + " warn="
                + text(c.getQuotaWarnPercent()) + " imap=" + c.isImap() + " pop3=" + c.isPop3() + " submission="
                + c.isSubmission() + " publicFolders=" + c.isPublicFolders() + " delegation=" + c.isDelegation();
    }

    private static String text(Object v) {
        return v == null ? "-" : v.toString();
    }
}
