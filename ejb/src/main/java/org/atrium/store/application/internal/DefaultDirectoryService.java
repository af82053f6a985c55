package org.atrium.store.application.internal;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.atrium.store.application.AccountDetails;
import org.atrium.store.application.AccountPage;
import org.atrium.store.application.AccountView;
import org.atrium.store.application.DirectoryChanged;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.DomainView;
import org.atrium.store.application.FolderService.QuotaUsage;
import org.atrium.store.application.GroupView;
import org.atrium.store.application.MailboxService;
import org.atrium.store.application.NewAccount;
import org.atrium.store.application.RecipientResolution;
import org.atrium.store.application.StoreException;
import org.atrium.store.domain.Account;
import org.atrium.store.domain.AccountKind;
import org.atrium.store.domain.Alias;
import org.atrium.store.domain.Domain;
import org.atrium.store.domain.DomainAlias;
import org.atrium.store.domain.FolderAcl;
import org.atrium.store.domain.FolderAddress;
import org.atrium.store.domain.MailAddress;
import org.atrium.store.domain.MailGroup;
import org.atrium.store.domain.PasswordHash;
import org.atrium.store.domain.Quota;
import org.atrium.store.domain.QuotaChain;

/** The directory kept in the database. See {@link DirectoryService}. */
@Stateless
public class DefaultDirectoryService implements DirectoryService {

    private static final Logger LOG = System.getLogger("org.atrium.store.directory");

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    DirectoryCache cache;

    @Inject
    LoginCache logins;

    @Inject
    MailboxService mailboxes;

    @Inject
    Event<DirectoryChanged> changes;

    private final Clock clock = Clock.systemUTC();

    /** Account kinds that hold public folder trees (ADR 0006); resources (ADR 0017) are mailboxes, not stores. */
    private static final List<AccountKind> PUBLIC_STORES = List.of(AccountKind.PUBLIC_ORG, AccountKind.PUBLIC_DOMAIN);

    @Override
    public DomainView createDomain(String name) {
        String normalized;
        try {
            normalized = MailAddress.normalizeDomain(name);
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("name", e.getMessage());
        }
        if (findDomain(normalized).isPresent()) {
            throw StoreException.conflict("name", "domain " + normalized + " already exists");
        }
        Optional<DomainAlias> asAlias = findDomainAlias(normalized);
        if (asAlias.isPresent()) {
            throw StoreException.conflict("name", normalized + " is an alias of domain "
                    + asAlias.get().getDomain().getName());
        }
        Domain d = new Domain(normalized, clock.instant());
        em.persist(d);
        em.flush();
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.DOMAIN, normalized, false));
        LOG.log(Level.INFO, "directory: domain {0} created", normalized);
        return view(d, 0);
    }

    @Override
    public List<DomainView> domains() {
        List<Object[]> rows = em.createQuery("select d, "
                + "(select count(a) from Account a where a.domain = d and a.kind = :user) "
                + "from Domain d order by d.name", Object[].class).setParameter("user", AccountKind.USER)
                .getResultList();
        List<DomainView> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Domain d = (Domain) r[0];
            out.add(view(d, ((Number) r[1]).longValue()));
        }
        return out;
    }

    @Override
    public boolean isLocalDomain(String domain) {
        if (domain == null) {
            return false;
        }
        String d = domain.toLowerCase(java.util.Locale.ROOT);
        return cache.localDomain(d, () -> findDomain(d).isPresent() || findDomainAlias(d).isPresent());
    }

    @Override
    public AccountView createAccount(NewAccount request) {
        MailAddress address = parseAddress("address", request.address());
        Domain domain = findDomain(address.domain())
                .orElseThrow(() -> StoreException.invalid("address", "domain " + address.domain() + " is not hosted here"));
        if (addressTaken(address.toString())) {
            throw StoreException.conflict("address", address + " is already in use");
        }
        try {
            PasswordHash.checkAcceptable(request.password());
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("password", e.getMessage());
        }
        Instant now = clock.instant();
        Account a = new Account(domain, address, request.displayName(), request.admin(), now);
        a.setPassword(request.password());
        a.setGivenName(request.givenName());
        a.setSurname(request.surname());
        a.setDepartment(request.department());
        a.setTitle(request.title());
        a.setPhone(request.phone());
        a.setOffice(request.office());
        em.persist(a);
        mailboxes.createDefaultFolders(a);
        em.flush();
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.ACCOUNT, a.getAddress(), false));
        LOG.log(Level.INFO, "directory: account {0} created{1}", a.getAddress(), a.isAdmin() ? " (administrator)" : "");
        return view(a);
    }

    @Override
    public void setPassword(String address, String newPassword) {
        Account a = accountEntity(address).orElseThrow(() -> StoreException.notFound("no account " + address));
        try {
            a.setPassword(newPassword);
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("password", e.getMessage());
        }
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.ACCOUNT, a.getAddress(), false));
        LOG.log(Level.INFO, "directory: password of {0} changed", a.getAddress());
    }

    @Override
    public Optional<AccountView> account(String address) {
        return accountEntity(address).map(this::view);
    }

    @Override
    public List<AccountView> accounts(String domain) {
        List<Account> list;
        if (domain == null || domain.isBlank()) {
            list = em.createQuery("select a from Account a where a.kind = :user order by a.address", Account.class)
                    .setParameter("user", AccountKind.USER).getResultList();
        } else {
            String d = domain.trim().toLowerCase(java.util.Locale.ROOT);
            if (findDomain(d).isEmpty()) {
                throw StoreException.notFound("no domain " + d);
            }
            list = em.createQuery("select a from Account a where a.domain.name = :d and a.kind = :user "
                    + "order by a.address", Account.class).setParameter("d", d).setParameter("user", AccountKind.USER)
                    .getResultList();
        }
        return list.stream().map(this::view).toList();
    }

    @Override
    public AccountPage accountPage(String filter, String sort, boolean descending, int offset, int limit) {
        String column = switch (sort == null ? "address" : sort) {
            case "address" -> "a.address";
            case "displayName" -> "a.displayName";
            case "createdAt" -> "a.createdAt";
            case "lastLoginAt" -> "a.lastLoginAt";
            default -> throw StoreException.invalid("sort", "cannot sort by " + sort);
        };
        if (offset < 0) {
            throw StoreException.invalid("offset", "offset must not be negative");
        }
        if (limit < 1 || limit > 1000) {
            throw StoreException.invalid("limit", "limit must be 1 to 1000");
        }
        String where = "where a.kind = :user";
        String pattern = null;
        if (filter != null && !filter.isBlank()) {
            where += " and (lower(a.address) like :p escape '!' or lower(a.displayName) like :p escape '!')";
            pattern = "%" + filter.trim().toLowerCase(java.util.Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        }
        var count = em.createQuery("select count(a) from Account a " + where, Long.class)
                .setParameter("user", AccountKind.USER);
        var rows = em.createQuery("select a from Account a " + where + " order by " + column
                + (descending ? " desc" : " asc") + ", a.address asc", Account.class)
                .setParameter("user", AccountKind.USER).setFirstResult(offset).setMaxResults(limit);
        if (pattern != null) {
            count.setParameter("p", pattern);
            rows.setParameter("p", pattern);
        }
        return new AccountPage(rows.getResultList().stream().map(this::view).toList(), count.getSingleResult());
    }

    @Override
    public void addAlias(String alias, String accountAddress) {
        MailAddress a = parseAddress("alias", alias);
        if (findDomain(a.domain()).isEmpty()) {
            throw StoreException.invalid("alias", "domain " + a.domain() + " is not hosted here");
        }
        if (addressTaken(a.toString())) {
            throw StoreException.conflict("alias", a + " is already in use");
        }
        Account target = accountEntity(accountAddress)
                .orElseThrow(() -> StoreException.notFound("no account " + accountAddress));
        em.persist(new Alias(a, target));
        em.flush();
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.ACCOUNT, target.getAddress(), false));
    }

    @Override
    public void removeAlias(String alias, String accountAddress) {
        Account target = accountEntity(accountAddress)
                .orElseThrow(() -> StoreException.notFound("no account " + accountAddress));
        String key = alias == null ? "" : alias.trim().toLowerCase(java.util.Locale.ROOT);
        Alias found = em.createQuery("select al from Alias al where al.address = :a and al.account = :t", Alias.class)
                .setParameter("a", key).setParameter("t", target).getResultStream().findFirst()
                .orElseThrow(() -> StoreException.notFound(target.getAddress() + " has no alias " + key));
        em.remove(found);
        em.flush();
        // The alias's own cache entry is cleared with the rest (DirectoryCache clears on every change).
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.ACCOUNT, target.getAddress(), false));
        LOG.log(Level.INFO, "directory: alias {0} of {1} removed", key, target.getAddress());
    }

    @Override
    public Optional<AccountDetails> accountDetails(String address) {
        return accountEntity(address).map(this::details);
    }

    @Override
    public AccountDetails setEnabled(String address, boolean enabled) {
        Account a = accountEntity(address).orElseThrow(() -> StoreException.notFound("no account " + address));
        if (!enabled && a.isEnabled() && a.isAdmin() && em.createQuery("select count(o) from Account o "
                + "where o.admin = true and o.enabled = true and o.kind = :user and o.id <> :id", Long.class)
                .setParameter("user", AccountKind.USER).setParameter("id", a.getId()).getSingleResult() == 0) {
            // Nobody could administer the server (or enable this account again) through the API.
            throw StoreException.conflict("enabled", "the last enabled administrator cannot be disabled");
        }
        if (a.isEnabled() != enabled) {
            a.setEnabled(enabled);
            em.flush();
            changes.fire(new DirectoryChanged(DirectoryChanged.Kind.ACCOUNT, a.getAddress(), false));
            LOG.log(Level.INFO, "directory: account {0} {1}", a.getAddress(), enabled ? "enabled" : "disabled");
        }
        return details(a);
    }

    @Override
    public AccountDetails setQuota(String address, Long bytes, Long messages, Integer warnPercent) {
        Account a = accountEntity(address).orElseThrow(() -> StoreException.notFound("no account " + address));
        checkQuota(bytes, messages, warnPercent);
        a.setQuota(bytes, messages, warnPercent);
        em.flush();
        LOG.log(Level.INFO, "directory: quota of {0} set to bytes={1} messages={2} warn={3}%", a.getAddress(),
                text(bytes), text(messages), text(warnPercent));
        return details(a);
    }

    @Override
    public Optional<DomainView> domain(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return findDomain(name.trim().toLowerCase(java.util.Locale.ROOT)).map(d -> view(d, users(d)));
    }

    @Override
    public DomainView setDomainQuota(String domain, Long bytes, Long messages, Integer warnPercent) {
        Domain d = domain == null ? null : findDomain(domain.trim().toLowerCase(java.util.Locale.ROOT)).orElse(null);
        if (d == null) {
            throw StoreException.notFound("no domain " + domain);
        }
        checkQuota(bytes, messages, warnPercent);
        d.setQuota(bytes, messages, warnPercent);
        em.flush();
        LOG.log(Level.INFO, "directory: default quota of domain {0} set to bytes={1} messages={2} warn={3}%",
                d.getName(), text(bytes), text(messages), text(warnPercent));
        return view(d, users(d));
    }

    @Override
    public boolean mailboxFull(String accountAddress) {
        Optional<Account> a = accountEntity(accountAddress).or(() -> resourceEntity(accountAddress));
        if (a.isEmpty()) {
            return false;
        }
        Quota limits = Mailboxes.limits(a.get());
        if (limits.bytesLimit() == Quota.NONE && limits.messageLimit() == Quota.NONE) {
            return false; // no limit: no need to sum the mailbox on every RCPT
        }
        QuotaUsage u = new Mailboxes(em).usage(a.get());
        return !limits.admits(u.bytes(), u.messages(), 1, 1);
    }

    /** Quota values as INVALID naming the field at fault (see {@link Quota#checkLimits}). */
    private static void checkQuota(Long bytes, Long messages, Integer warnPercent) {
        try {
            Quota.checkLimits(bytes, messages, warnPercent);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(':');
            throw StoreException.invalid(message.substring(0, colon), message.substring(colon + 1).strip());
        }
    }

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }

    private long users(Domain d) {
        return em.createQuery("select count(a) from Account a where a.domain = :d and a.kind = :user", Long.class)
                .setParameter("d", d).setParameter("user", AccountKind.USER).getSingleResult();
    }

    @Override
    public GroupView createGroup(String address, String displayName, List<String> members) {
        return createGroup(address, displayName, members, false);
    }

    @Override
    public GroupView createGroup(String address, String displayName, List<String> members, boolean membersOnly) {
        MailAddress a = parseAddress("address", address);
        Domain domain = findDomain(a.domain())
                .orElseThrow(() -> StoreException.invalid("address", "domain " + a.domain() + " is not hosted here"));
        if (addressTaken(a.toString())) {
            throw StoreException.conflict("address", a + " is already in use");
        }
        MailGroup g = new MailGroup(domain, a, displayName);
        g.setMembersOnly(membersOnly);
        for (String m : members == null ? List.<String>of() : members) {
            try {
                g.addMember(parseAddress("members", m));
            } catch (IllegalArgumentException e) {
                throw StoreException.invalid("members", e.getMessage());
            }
        }
        em.persist(g);
        em.flush();
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.GROUP, g.getAddress(), false));
        return view(g);
    }

    @Override
    public List<GroupView> groups(String domain) {
        var q = domain == null
                ? em.createQuery("select g from MailGroup g order by g.address", MailGroup.class)
                : em.createQuery("select g from MailGroup g where g.domain.name = :d order by g.address", MailGroup.class)
                        .setParameter("d", domain.toLowerCase(java.util.Locale.ROOT));
        return q.getResultList().stream().map(this::view).toList();
    }

    @Override
    public Optional<GroupView> group(String address) {
        return groupEntity(address).map(this::view);
    }

    @Override
    public GroupView updateGroup(String address, String displayName, Boolean membersOnly) {
        MailGroup g = groupEntity(address).orElseThrow(() -> StoreException.notFound("no group " + address));
        if (displayName != null) {
            g.setDisplayName(displayName);
        }
        if (membersOnly != null) {
            g.setMembersOnly(membersOnly);
        }
        em.flush();
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.GROUP, g.getAddress(), false));
        LOG.log(Level.INFO, "directory: group {0} now named \"{1}\", {2} may send", g.getAddress(),
                g.getDisplayName(), g.isMembersOnly() ? "members only" : "anyone");
        return view(g);
    }

    @Override
    public GroupView addGroupMember(String group, String member) {
        MailGroup g = groupEntity(group).orElseThrow(() -> StoreException.notFound("no group " + group));
        MailAddress parsed = parseAddress("member", member);
        String m = parsed.toString();
        Optional<DomainAlias> viaAlias = findDomainAlias(parsed.domain());
        if (viaAlias.isPresent()) {
            m = parsed.localPart() + "@" + viaAlias.get().getDomain().getName();
        }
        if (m.equals(g.getAddress())) {
            throw StoreException.conflict("member", "a group cannot contain itself");
        }
        if (findDomain(m.substring(m.lastIndexOf('@') + 1)).isPresent() && !addressTaken(m)) {
            throw StoreException.invalid("member", "no account, alias, group or public folder " + m
                    + " here (addresses in other domains are allowed as contacts)");
        }
        if (g.getMembers().contains(m)) {
            throw StoreException.conflict("member", m + " is already a member of " + g.getAddress());
        }
        Optional<List<String>> loop = GroupNesting.loop(g.getAddress(), m,
                a -> groupEntity(a).map(MailGroup::getMembers).orElse(null));
        if (loop.isPresent()) {
            throw StoreException.conflict("member", "adding " + m + " would make " + g.getAddress()
                    + " contain itself: " + String.join(" > ", loop.get()));
        }
        g.addMember(MailAddress.parse(m));
        em.flush();
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.GROUP, g.getAddress(), false));
        LOG.log(Level.INFO, "directory: {0} added to group {1}", m, g.getAddress());
        return view(g);
    }

    @Override
    public GroupView removeGroupMember(String group, String member) {
        MailGroup g = groupEntity(group).orElseThrow(() -> StoreException.notFound("no group " + group));
        String m = member == null ? "" : member.strip().toLowerCase(Locale.ROOT);
        if (!g.removeMember(m)) {
            throw StoreException.notFound(m + " is no member of " + g.getAddress());
        }
        em.flush();
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.GROUP, g.getAddress(), false));
        LOG.log(Level.INFO, "directory: {0} removed from group {1}", m, g.getAddress());
        return view(g);
    }

    @Override
    public void removeGroup(String address) {
        MailGroup g = groupEntity(address).orElseThrow(() -> StoreException.notFound("no group " + address));
        List<String> folders = em.createQuery("select f.path from Folder f, FolderAcl e where e.folderId = f.id "
                + "and e.identifier = :g and f.owner.kind in :stores order by f.path", String.class)
                .setParameter("g", g.getAddress()).setParameter("stores", PUBLIC_STORES).getResultList();
        if (!folders.isEmpty()) {
            throw StoreException.conflict("address", "the permissions of public folder(s) " + String.join(", ",
                    folders) + " name " + g.getAddress() + "; remove those entries first");
        }
        // Entries on users' own folders go with the group: a later group of the same address must not inherit them.
        for (FolderAcl e : em.createQuery("select e from FolderAcl e where e.identifier = :g", FolderAcl.class)
                .setParameter("g", g.getAddress()).getResultList()) {
            em.remove(e);
        }
        List<MailGroup> parents = em.createQuery("select p from MailGroup p join p.members m where m = :g",
                MailGroup.class).setParameter("g", g.getAddress()).getResultList();
        for (MailGroup p : parents) {
            p.removeMember(g.getAddress());
        }
        em.remove(g);
        em.flush();
        for (MailGroup p : parents) {
            changes.fire(new DirectoryChanged(DirectoryChanged.Kind.GROUP, p.getAddress(), false));
        }
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.GROUP, g.getAddress(), true));
        LOG.log(Level.INFO, "directory: group {0} removed", g.getAddress());
    }

    @Override
    public DomainView addDomainAlias(String domain, String alias) {
        Domain d = domainEntity(domain);
        String name;
        try {
            name = MailAddress.normalizeDomain(alias);
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid("alias", e.getMessage());
        }
        if (findDomain(name).isPresent()) {
            throw StoreException.conflict("alias", name + " is a hosted domain");
        }
        Optional<DomainAlias> existing = findDomainAlias(name);
        if (existing.isPresent()) {
            throw StoreException.conflict("alias", name + " is already an alias of domain "
                    + existing.get().getDomain().getName());
        }
        em.persist(new DomainAlias(name, d, clock.instant()));
        em.flush();
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.DOMAIN, d.getName(), false));
        LOG.log(Level.INFO, "directory: {0} is an alias of domain {1} now", name, d.getName());
        return view(d, users(d));
    }

    @Override
    public DomainView removeDomainAlias(String domain, String alias) {
        Domain d = domainEntity(domain);
        String name = alias == null ? "" : alias.strip().toLowerCase(Locale.ROOT);
        DomainAlias a = findDomainAlias(name).filter(x -> x.getDomain().getId().equals(d.getId()))
                .orElseThrow(() -> StoreException.notFound("domain " + d.getName() + " has no alias " + name));
        em.remove(a);
        em.flush();
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.DOMAIN, d.getName(), false));
        LOG.log(Level.INFO, "directory: alias {0} of domain {1} removed", name, d.getName());
        return view(d, users(d));
    }

    @Override
    public DomainView setCatchAll(String domain, String address) {
        Domain d = domainEntity(domain);
        String target = CatchAll.target(address,
                name -> findDomainAlias(name).map(x -> x.getDomain().getName()).orElse(null),
                name -> findDomain(name).isPresent(), this::addressTaken);
        d.setCatchAll(target);
        em.flush();
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.DOMAIN, d.getName(), false));
        LOG.log(Level.INFO, "directory: catch-all of domain {0} {1}", d.getName(),
                target == null ? "removed" : "set to " + target);
        return view(d, users(d));
    }

    @Override
    public void removeDomain(String name) {
        Domain d = domainEntity(name);
        String at = "@" + d.getName();
        long users = users(d);
        long groups = em.createQuery("select count(g) from MailGroup g where g.domain = :d", Long.class)
                .setParameter("d", d).getSingleResult();
        long aliases = em.createQuery("select al.address from Alias al where al.address like :p", String.class)
                .setParameter("p", "%" + at).getResultStream().filter(a -> a.endsWith(at)).count();
        List<Account> stores = em.createQuery("select a from Account a where a.domain = :d and a.kind in :stores",
                Account.class).setParameter("d", d).setParameter("stores", PUBLIC_STORES).getResultList();
        long folders = em.createQuery("select count(f) from Folder f where f.owner.domain = :d "
                + "and f.owner.kind in :stores", Long.class).setParameter("d", d)
                .setParameter("stores", PUBLIC_STORES).getSingleResult()
                + em.createQuery("select f.address from FolderAddress f where f.address like :p", String.class)
                        .setParameter("p", "%" + at).getResultStream().filter(a -> a.endsWith(at)).count();
        boolean organisationTree = stores.stream().anyMatch(a -> a.getKind() == AccountKind.PUBLIC_ORG);
        List<String> domainAliases = aliasesOf(d);
        List<String> left = new ArrayList<>();
        count(left, users, "user");
        count(left, groups, "group");
        count(left, em.createQuery("select count(a) from Account a where a.domain = :d and a.kind = :k", Long.class)
                .setParameter("d", d).setParameter("k", AccountKind.RESOURCE).getSingleResult(), "resource");
        count(left, em.createQuery("select count(c) from Contact c where c.domain = :d", Long.class)
                .setParameter("d", d).getSingleResult(), "contact");
        count(left, aliases, "alias", "aliases");
        count(left, folders, "public folder");
        count(left, domainAliases.size(), "domain alias", "domain aliases");
        if (organisationTree) {
            left.add("the organisation's public folder tree");
        }
        if (!left.isEmpty()) {
            throw StoreException.conflict("name", "domain " + d.getName() + " is not empty: " + String.join(", ", left)
                    + " left; remove them first");
        }
        for (Account store : stores) {
            em.remove(store); // an empty tree of the domain's own (ADR 0006)
        }
        em.remove(d);
        em.flush();
        changes.fire(new DirectoryChanged(DirectoryChanged.Kind.DOMAIN, d.getName(), true));
        LOG.log(Level.INFO, "directory: domain {0} removed", d.getName());
    }

    private static void count(List<String> out, long n, String one) {
        count(out, n, one, one + "s");
    }

    private static void count(List<String> out, long n, String one, String many) {
        if (n > 0) {
            out.add(n + " " + (n == 1 ? one : many));
        }
    }

    private Domain domainEntity(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return findDomain(n).orElseThrow(() -> StoreException.notFound("no domain " + n));
    }

    private Optional<MailGroup> groupEntity(String address) {
        if (address == null) {
            return Optional.empty();
        }
        return em.createQuery("select g from MailGroup g where g.address = :a", MailGroup.class)
                .setParameter("a", address.strip().toLowerCase(Locale.ROOT)).getResultStream().findFirst();
    }

    private Optional<DomainAlias> findDomainAlias(String name) {
        return Optional.ofNullable(em.find(DomainAlias.class, name));
    }

    private List<String> aliasesOf(Domain d) {
        return em.createQuery("select a.name from DomainAlias a where a.domain = :d order by a.name", String.class)
                .setParameter("d", d).getResultList();
    }

    @Override
    public Optional<AccountView> authenticate(String login, String password, String clientIp, String protocol) {
        Optional<Account> account = login == null ? Optional.empty() : accountOrAlias(login.trim());
        if (account.isPresent() && account.get().isEnabled() && password != null
                && (logins.matches(account.get().getAddress(), password, account.get().getPasswordHash())
                        || account.get().passwordMatches(password))) {
            Account a = account.get();
            logins.remember(a.getAddress(), password, a.getPasswordHash());
            recordLogin(a);
            LOG.log(Level.INFO, "auth: {0} login ok user={1} client={2}", protocol, a.getAddress(), clientIp);
            return Optional.of(view(a));
        }
        LOG.log(Level.WARNING, "auth: {0} login failed user={1} client={2}", protocol, safe(login), clientIp);
        return Optional.empty();
    }

    @Override
    public Optional<String> postmaster(String domain) {
        if (domain != null) {
            Optional<String> inDomain = em.createQuery("select a.address from Account a where a.admin = true "
                    + "and a.enabled = true and a.kind = :user and a.domain.name = :d order by a.id", String.class)
                    .setParameter("d", domain.toLowerCase(java.util.Locale.ROOT))
                    .setParameter("user", AccountKind.USER).setMaxResults(1)
                    .getResultStream().findFirst();
            if (inDomain.isPresent()) {
                return inDomain;
            }
            if (!isLocalDomain(domain)) {
                return Optional.empty();
            }
        }
        return em.createQuery("select a.address from Account a where a.admin = true and a.enabled = true "
                + "and a.kind = :user order by a.id", String.class).setParameter("user", AccountKind.USER)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * Notes the login time, at most once a minute per account, with a statement that bypasses the entity's version:
     * concurrent logins of one user (a client opening several connections) must not conflict with each other.
     */
    private void recordLogin(Account a) {
        Instant now = clock.instant();
        if (a.getLastLoginAt() == null || a.getLastLoginAt().isBefore(now.minusSeconds(60))) {
            em.createQuery("update Account a set a.lastLoginAt = :t where a.id = :id")
                    .setParameter("t", now).setParameter("id", a.getId()).executeUpdate();
        }
    }

    @Override
    public RecipientResolution resolve(String address) {
        String key = address == null ? "" : address.trim().toLowerCase(java.util.Locale.ROOT);
        return cache.recipient(key, () -> load(key));
    }

    private RecipientResolution load(String key) {
        return load(key, true);
    }

    /**
     * @param catchAll whether an unknown local part may go to the domain's catch-all; false when resolving a
     *        catch-all's own target, so that one catch-all never leads to another (ADR 0012)
     */
    private RecipientResolution load(String key, boolean catchAll) {
        MailAddress a;
        try {
            a = MailAddress.parse(key);
        } catch (IllegalArgumentException e) {
            return new RecipientResolution(RecipientResolution.Kind.NOT_LOCAL, null);
        }
        Optional<Domain> domain = findDomain(a.domain());
        if (domain.isEmpty()) {
            Optional<DomainAlias> alias = findDomainAlias(a.domain());
            return alias.isPresent() ? load(a.localPart() + "@" + alias.get().getDomain().getName(), catchAll)
                    : new RecipientResolution(RecipientResolution.Kind.NOT_LOCAL, null);
        }
        Optional<RecipientResolution> account = accountOrAlias(a.toString())
                .map(acc -> new RecipientResolution(acc.isEnabled() ? RecipientResolution.Kind.LOCAL
                        : RecipientResolution.Kind.DISABLED, acc.getAddress()));
        if (account.isPresent()) {
            return account.get();
        }
        Optional<Account> resource = resourceEntity(a.toString()); // ADR 0017: receives mail, never logs in
        if (resource.isPresent()) {
            return new RecipientResolution(resource.get().isEnabled() ? RecipientResolution.Kind.LOCAL
                    : RecipientResolution.Kind.DISABLED, resource.get().getAddress());
        }
        FolderAddress folder = em.find(FolderAddress.class, a.toString());
        if (folder != null) {
            return new RecipientResolution(RecipientResolution.Kind.PUBLIC_FOLDER, folder.getAddress(),
                    folder.getFolderId());
        }
        Optional<MailGroup> group = groupEntity(a.toString());
        if (group.isPresent()) {
            return new RecipientResolution(RecipientResolution.Kind.GROUP, group.get().getAddress());
        }
        if (!catchAll) {
            return new RecipientResolution(RecipientResolution.Kind.UNKNOWN_LOCAL, null);
        }
        return CatchAll.resolve(a.localPart(), domain.get().getCatchAll(), target -> load(target, false));
    }

    private Optional<Account> accountOrAlias(String address) {
        Optional<Account> a = accountEntity(address);
        if (a.isPresent()) {
            return a;
        }
        return em.createQuery("select al.account from Alias al where al.address = :a and al.account.kind = :user",
                Account.class).setParameter("a", address.toLowerCase(java.util.Locale.ROOT))
                .setParameter("user", AccountKind.USER).getResultStream().findFirst();
    }

    /** A user's account; public folder stores (ADR 0006) never log in, receive mail or show as users. */
    Optional<Account> accountEntity(String address) {
        if (address == null) {
            return Optional.empty();
        }
        return em.createQuery("select a from Account a where a.address = :a and a.kind = :user", Account.class)
                .setParameter("a", address.trim().toLowerCase(java.util.Locale.ROOT))
                .setParameter("user", AccountKind.USER).getResultStream().findFirst();
    }

    /** A resource's mailbox (ADR 0017): a recipient with quota, but no user (no login, not in user lists). */
    private Optional<Account> resourceEntity(String address) {
        if (address == null) {
            return Optional.empty();
        }
        return em.createQuery("select a from Account a where a.address = :a and a.kind = :k", Account.class)
                .setParameter("a", address.trim().toLowerCase(java.util.Locale.ROOT))
                .setParameter("k", AccountKind.RESOURCE).getResultStream().findFirst();
    }

    private Optional<Domain> findDomain(String name) {
        return em.createQuery("select d from Domain d where d.name = :n", Domain.class)
                .setParameter("n", name).getResultStream().findFirst();
    }

    private boolean addressTaken(String address) {
        return addressTaken(em, address);
    }

    /** Whether an account (of any kind), alias, group or mail-enabled folder has the address. */
    static boolean addressTaken(EntityManager em, String address) {
        long n = em.createQuery("select count(a) from Account a where a.address = :a", Long.class)
                .setParameter("a", address).getSingleResult()
                + em.createQuery("select count(a) from Alias a where a.address = :a", Long.class)
                        .setParameter("a", address).getSingleResult()
                + em.createQuery("select count(g) from MailGroup g where g.address = :a", Long.class)
                        .setParameter("a", address).getSingleResult()
                + em.createQuery("select count(f) from FolderAddress f where f.address = :a", Long.class)
                        .setParameter("a", address).getSingleResult();
        return n > 0;
    }

    private static MailAddress parseAddress(String field, String text) {
        try {
            return MailAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid(field, e.getMessage());
        }
    }

    private static String safe(String login) {
        if (login == null) {
            return "-";
        }
        String s = login.replaceAll("[^\\x21-\\x7e]", "?");
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    private AccountView view(Account a) {
        List<String> aliases = em.createQuery("select al.address from Alias al where al.account = :a order by al.address",
                String.class).setParameter("a", a).getResultList();
        return new AccountView(a.getId(), a.getAddress(), a.getDisplayName(), a.getGivenName(), a.getSurname(),
                a.getDepartment(), a.getTitle(), a.getPhone(), a.getOffice(), a.isAdmin(), a.isEnabled(), aliases,
                a.getCreatedAt(), a.getLastLoginAt());
    }

    private AccountDetails details(Account a) {
        AccountView v = view(a);
        QuotaUsage u = new Mailboxes(em).usage(a);
        Quota limits = u.limits();
        QuotaChain chain = Mailboxes.quotaChain(a); // ADR 0016: account, class of service, domain, server
        int warn = chain.effectiveWarnPercent();
        return new AccountDetails(v.id(), v.address(), v.displayName(), v.givenName(), v.surname(), v.department(),
                v.title(), v.phone(), v.office(), v.admin(), v.enabled(), v.aliases(), v.createdAt(), v.lastLoginAt(),
                a.getQuotaBytes(), a.getQuotaMessages(), a.getQuotaWarnPercent(),
                limits.bytesLimit() == Quota.NONE ? null : limits.bytesLimit(),
                limits.messageLimit() == Quota.NONE ? null : limits.messageLimit(), warn, u.bytes(), u.messages(),
                limits.overWarning(u.bytes(), u.messages(), warn),
                a.getClassOfService() == null ? null : a.getClassOfService().getName(),
                chain.bytes().source().label(), chain.messages().source().label(),
                chain.warnPercent().source().label());
    }

    private DomainView view(Domain d, long users) {
        return new DomainView(d.getId(), d.getName(), d.getCreatedAt(), users, d.getQuotaBytes(),
                d.getQuotaMessages(), d.getQuotaWarnPercent(), aliasesOf(d), d.getCatchAll());
    }

    private GroupView view(MailGroup g) {
        List<String> members = List.copyOf(g.getMembers());
        List<String> nested = members.isEmpty() ? List.of() : em.createQuery("select g.address from MailGroup g "
                + "where g.address in :m order by g.address", String.class).setParameter("m", members).getResultList();
        return new GroupView(g.getId(), g.getAddress(), g.getDisplayName(), g.isMembersOnly(), members, nested);
    }
}
