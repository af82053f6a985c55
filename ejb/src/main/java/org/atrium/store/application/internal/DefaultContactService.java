package org.atrium.store.application.internal;

import static org.atrium.store.application.internal.DirectoryEntryRules.keep;
import static org.atrium.store.application.internal.DirectoryEntryRules.notes;
import static org.atrium.store.application.internal.DirectoryEntryRules.phone;
import static org.atrium.store.application.internal.DirectoryEntryRules.text;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.atrium.store.application.ContactData;
import org.atrium.store.application.ContactService;
import org.atrium.store.application.ContactView;
import org.atrium.store.application.DirectoryChanged;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.StoreException;
import org.atrium.store.domain.Contact;
import org.atrium.store.domain.Domain;
import org.atrium.store.domain.MailAddress;

/**
 * See {@link ContactService}. A contact's address lies outside the hosted domains and their aliases (ADR 0017): an
 * address inside them would be a local recipient that does not exist, so mail to the contact could never arrive.
 * Every change fires {@link DirectoryChanged} (kind CONTACT) for the GAL.
 */
@Stateless
public class DefaultContactService implements ContactService {

    private static final Logger LOG = System.getLogger("org.atrium.store.directory");

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    DirectoryService directory;

    @Inject
    Event<DirectoryChanged> changes;

    private final Clock clock = Clock.systemUTC();

    @Override
    public ContactView create(ContactData data) {
        MailAddress address = DirectoryEntryRules.address(data == null ? null : data.address());
        if (directory.isLocalDomain(address.domain())) {
            throw StoreException.invalid("address", address + " is in a domain hosted here: create a user, an alias "
                    + "or a group instead of a contact");
        }
        String a = address.toString();
        if (DefaultDirectoryService.addressTaken(em, a) || contactEntity(a).isPresent()) {
            throw StoreException.conflict("address", a + " is already in use");
        }
        Domain domain = addressBook(data.domain());
        Contact c = new Contact(domain, address, clock.instant());
        describe(c, data);
        em.persist(c);
        em.flush();
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.CONTACT, c.getAddress(), false));
        LOG.log(Level.INFO, "directory: contact {0} created in the address book of {1}", a, domain.getName());
        return view(c);
    }

    @Override
    public List<ContactView> contacts(String domain) {
        if (domain == null || domain.isBlank()) {
            return em.createQuery("select c from Contact c order by c.address", Contact.class).getResultList()
                    .stream().map(DefaultContactService::view).toList();
        }
        Domain d = findDomain(domain).orElseThrow(() -> StoreException.notFound("no domain " + domain.strip()));
        return em.createQuery("select c from Contact c where c.domain = :d order by c.address", Contact.class)
                .setParameter("d", d).getResultList().stream().map(DefaultContactService::view).toList();
    }

    @Override
    public Optional<ContactView> contact(String address) {
        return contactEntity(address).map(DefaultContactService::view);
    }

    @Override
    public ContactView update(String address, ContactData data) {
        Contact c = contactEntity(address).orElseThrow(() -> StoreException.notFound("no contact " + address));
        if (data == null) {
            throw StoreException.invalid("displayName", "a body with the fields to change is required");
        }
        c.describe(keep(data.displayName(), c.getDisplayName(), v -> text("displayName", v)),
                keep(data.givenName(), c.getGivenName(), v -> text("givenName", v)),
                keep(data.surname(), c.getSurname(), v -> text("surname", v)),
                keep(data.company(), c.getCompany(), v -> text("company", v)),
                keep(data.department(), c.getDepartment(), v -> text("department", v)),
                keep(data.title(), c.getTitle(), v -> text("title", v)),
                keep(data.phone(), c.getPhone(), v -> phone("phone", v)),
                keep(data.mobile(), c.getMobile(), v -> phone("mobile", v)),
                keep(data.notes(), c.getNotes(), DirectoryEntryRules::notes));
        em.flush();
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.CONTACT, c.getAddress(), false));
        LOG.log(Level.INFO, "directory: contact {0} changed", c.getAddress());
        return view(c);
    }

    @Override
    public void remove(String address) {
        Contact c = contactEntity(address).orElseThrow(() -> StoreException.notFound("no contact " + address));
        em.remove(c);
        em.flush();
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.CONTACT, c.getAddress(), true));
        LOG.log(Level.INFO, "directory: contact {0} removed", c.getAddress());
    }

    private static void describe(Contact c, ContactData d) {
        c.describe(text("displayName", d.displayName()), text("givenName", d.givenName()),
                text("surname", d.surname()), text("company", d.company()), text("department", d.department()),
                text("title", d.title()), phone("phone", d.phone()), phone("mobile", d.mobile()), notes(d.notes()));
    }

    /** The domain whose address book gets the contact: the one named, else the only one hosted. */
    private Domain addressBook(String name) {
        if (name != null && !name.isBlank()) {
            return findDomain(name).orElseThrow(() -> StoreException.invalid("domain",
                    "domain " + name.strip() + " is not hosted here"));
        }
        List<Domain> all = em.createQuery("select d from Domain d order by d.name", Domain.class).setMaxResults(2)
                .getResultList();
        if (all.size() != 1) {
            throw StoreException.invalid("domain", "domain is required: name the address book of the contact");
        }
        return all.get(0);
    }

    private Optional<Domain> findDomain(String name) {
        return em.createQuery("select d from Domain d where d.name = :n", Domain.class)
                .setParameter("n", name.strip().toLowerCase(Locale.ROOT)).getResultStream().findFirst();
    }

    private Optional<Contact> contactEntity(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("select c from Contact c where c.address = :a", Contact.class)
                .setParameter("a", address.strip().toLowerCase(Locale.ROOT)).getResultStream().findFirst();
    }

    static ContactView view(Contact c) {
        return new ContactView(c.getId(), c.getAddress(), c.getDomain().getName(), c.getDisplayName(),
                c.getGivenName(), c.getSurname(), c.getCompany(), c.getDepartment(), c.getTitle(), c.getPhone(),
                c.getMobile(), c.getNotes(), c.getCreatedAt());
    }
}
