package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.KeyPair;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import org.atrium.store.application.DkimKeyView;
import org.atrium.store.application.DkimService;
import org.atrium.store.application.Settings;
import org.atrium.store.application.StoreException;
import org.atrium.store.domain.DkimKey;
import org.atrium.store.domain.Domain;
import org.atrium.store.domain.MailAddress;

/**
 * See {@link DkimService} and ADR 0013. One active key per hosted domain, RSA-2048, generated on first use under the
 * selector {@code atrium<yyyyMM>} (a suffix {@code -2}, {@code -3}... when that month already has one); a rotation
 * retires the active key and makes a new one. The first key of a domain is created under a lock on the domain's row,
 * so that two deliveries starting at once do not both make one. Signing is switched off by
 * {@code atrium.dkim.sign=false}.
 */
@Stateless
public class DefaultDkimService implements DkimService {

    private static final Logger LOG = System.getLogger("org.atrium.store.dkim");

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM").withZone(ZoneOffset.UTC);

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Override
    public Optional<String> signatureField(String domain, InputStream message) throws IOException {
        if (!Boolean.parseBoolean(Settings.get("atrium.dkim.sign", "true"))) {
            return Optional.empty();
        }
        Optional<Domain> d = find(domain);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        DkimKey key = activeOrNew(d.get());
        return Optional.of(DkimSigning.sign(d.get().getName(), key.getSelector(),
                DkimSigning.privateKey(key.getPrivateKey()), message, Instant.now()));
    }

    @Override
    public DkimKeyView key(String domain) {
        return view(activeOrNew(domainEntity(domain)));
    }

    @Override
    public DkimKeyView rotate(String domain) {
        Domain d = lock(domainEntity(domain));
        active(d).ifPresent(DkimKey::retire);
        em.flush();
        DkimKey k = create(d);
        LOG.log(Level.INFO, "dkim: key of {0} rotated, new selector {1}", d.getName(), k.getSelector());
        return view(k);
    }

    private DkimKey activeOrNew(Domain d) {
        Optional<DkimKey> k = active(d);
        if (k.isPresent()) {
            return k.get();
        }
        lock(d);
        return active(d).orElseGet(() -> {
            DkimKey created = create(d);
            LOG.log(Level.INFO, "dkim: key generated for {0}, selector {1}", d.getName(), created.getSelector());
            return created;
        });
    }

    private Domain lock(Domain d) {
        em.lock(d, LockModeType.PESSIMISTIC_WRITE);
        return d;
    }

    private Optional<DkimKey> active(Domain d) {
        return em.createQuery("select k from DkimKey k where k.domain = :d and k.active = true order by k.id desc",
                DkimKey.class).setParameter("d", d).setMaxResults(1).getResultStream().findFirst();
    }

    private DkimKey create(Domain d) {
        // Microseconds: what both databases keep, so the view of a new key equals the one read back later.
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String base = "atrium" + MONTH.format(now);
        String selector = base;
        for (int n = 2; taken(d, selector); n++) {
            selector = base + "-" + n;
        }
        KeyPair pair = DkimSigning.generate();
        Base64.Encoder b64 = Base64.getEncoder();
        DkimKey k = new DkimKey(d, selector, b64.encodeToString(pair.getPrivate().getEncoded()),
                b64.encodeToString(pair.getPublic().getEncoded()), now);
        em.persist(k);
        return k;
    }

    private boolean taken(Domain d, String selector) {
        return em.createQuery("select count(k) from DkimKey k where k.domain = :d and k.selector = :s", Long.class)
                .setParameter("d", d).setParameter("s", selector).getSingleResult() > 0;
    }

    private Optional<Domain> find(String name) {
        String n;
        try {
            n = MailAddress.normalizeDomain(name);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return em.createQuery("select d from Domain d where d.name = :n", Domain.class).setParameter("n", n)
                .getResultStream().findFirst();
    }

    private Domain domainEntity(String name) {
        return find(name).orElseThrow(() -> StoreException.notFound("no domain " + name));
    }

    static DkimKeyView view(DkimKey k) {
        String domain = k.getDomain().getName();
        return new DkimKeyView(domain, k.getSelector(), k.getSelector() + "._domainkey." + domain,
                DkimSigning.record(k.getPublicKey()), k.getCreatedAt());
    }
}
