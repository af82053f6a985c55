package org.atrium.web.api;

import jakarta.servlet.http.HttpServletRequest;
import org.atrium.store.application.AccountDetails;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.DomainAdminService;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.atrium.store.application.StoreException;

/**
 * What the signed-in caller of the admin API may administer (issue #6, ADR 0015), from the request attributes
 * {@link AdminAuthFilter} set: everything (a global administrator), the hosted domains it was made administrator of,
 * or nothing (a user on the few self-service resources). Refusals are {@link StoreException#forbidden}, answered 403
 * {@code FORBIDDEN} and audited like any other answer. Domain names compare case-insensitively.
 */
public final class AdminScope {

    /** Request property: the sorted, lower-case domains a non-global administrator administers. */
    static final String DOMAINS_PROPERTY = "atrium.adminDomains";

    private final String caller;
    private final boolean global;
    private final Set<String> domains;

    private AdminScope(String caller, boolean global, Collection<String> domains) {
        this.caller = caller;
        this.global = global;
        Set<String> d = new TreeSet<>();
        for (String name : domains) {
            d.add(normal(name));
        }
        this.domains = Set.copyOf(d);
    }

    /** A global administrator. */
    static AdminScope global(String caller) {
        return new AdminScope(caller, true, List.of());
    }

    /** A user administering {@code domains} (none: a plain user). */
    static AdminScope domains(String caller, Collection<String> domains) {
        return new AdminScope(caller, false, domains);
    }

    /** The scope of the request; nobody signed in (which the filter never lets through) may administer nothing. */
    public static AdminScope of(HttpServletRequest request) {
        if (request == null) {
            return domains(null, List.of());
        }
        if (request.getAttribute(AdminAuthFilter.ADMIN_PROPERTY) instanceof String admin) {
            return global(admin);
        }
        Object user = request.getAttribute(AdminAuthFilter.USER_PROPERTY);
        Object domains = request.getAttribute(DOMAINS_PROPERTY);
        List<String> names = domains instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
        return domains(user instanceof String s ? s : null, names);
    }

    public boolean isGlobal() {
        return global;
    }

    /** The signed-in address, or null. */
    public String caller() {
        return caller;
    }

    /** The domains a non-global administrator administers (empty for a global administrator: see isGlobal). */
    public Set<String> domains() {
        return domains;
    }

    /** Whether the caller administers {@code domain}. */
    public boolean permits(String domain) {
        return global || domain != null && domains.contains(normal(domain));
    }

    /** Whether the caller administers the domain of {@code address} (after its last {@code @}). */
    public boolean permitsAddress(String address) {
        return global || permits(domainOf(address));
    }

    /** @throws StoreException forbidden unless the caller administers {@code domain} */
    public void require(String domain) {
        if (!permits(domain)) {
            throw StoreException.forbidden("not an administrator of " + printable(domain));
        }
    }

    /** @throws StoreException forbidden unless the caller administers the domain of {@code address} */
    public void requireAddress(String address) {
        if (!permitsAddress(address)) {
            String d = domainOf(address);
            throw StoreException.forbidden("not an administrator of " + printable(d == null ? address : d));
        }
    }

    /** @throws StoreException forbidden unless the caller is a global administrator */
    public void requireGlobal() {
        if (!global) {
            throw StoreException.forbidden("global administrators only");
        }
    }

    /** Like {@link #requireAddress}, but a user may also act on their own {@code address} (self-service). */
    public void requireSelfOrAddress(String address) {
        if (caller != null && address != null && caller.equalsIgnoreCase(address.strip())) {
            return;
        }
        requireAddress(address);
    }

    /**
     * Whether the caller may change the account {@code address} (its password, state, aliases, quota, grants): it must
     * be in the caller's domains, and a domain administrator may not take over an account with more power than its
     * own, a global administrator or the administrator of a domain the caller does not administer.
     *
     * @throws StoreException forbidden otherwise
     */
    public void requireAccount(String address, boolean targetIsGlobalAdmin, Collection<String> targetAdminOf) {
        requireAddress(address);
        if (global) {
            return;
        }
        if (targetIsGlobalAdmin) {
            throw StoreException.forbidden(printable(address) + " is a global administrator");
        }
        for (String d : targetAdminOf) {
            require(d);
        }
    }

    /**
     * {@link #requireAccount(String, boolean, Collection)} with what the directory knows of the account (an unknown
     * one has no power to take over: the service answers 404 after this).
     */
    public void requireAccount(String address, DirectoryService directory, DomainAdminService domainAdmins) {
        requireAddress(address);
        if (!global) {
            requireAccount(address, directory.accountDetails(address).map(AccountDetails::admin).orElse(false),
                    domainAdmins.domainsOf(address));
        }
    }

    /** The domain part of an address, lower case; null for null or text without {@code @}. */
    static String domainOf(String address) {
        if (address == null) {
            return null;
        }
        String a = address.strip();
        int at = a.lastIndexOf('@');
        return at < 0 ? null : normal(a.substring(at + 1));
    }

    private static String normal(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }

    private static String printable(String s) {
        return s == null ? "-" : AuditDetail.printable(s);
    }
}
