package org.atrium.store.application;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/**
 * Domains, accounts, aliases and groups: the directory whose source of truth is the database (ARCHITECTURE.md,
 * "Directory"). Logins and recipient look-ups read it through a cache; the GAL is published from it.
 */
@Local
public interface DirectoryService {

    DomainView createDomain(String name);

    List<DomainView> domains();

    boolean isLocalDomain(String domain);

    AccountView createAccount(NewAccount account);

    void setPassword(String address, String newPassword);

    Optional<AccountView> account(String address);

    /** Accounts of a domain, or of all domains when {@code domain} is null, ordered by address. */
    List<AccountView> accounts(String domain);

    void addAlias(String alias, String accountAddress);

    GroupView createGroup(String address, String displayName, List<String> members);

    /** As {@link #createGroup(String, String, List)}; {@code membersOnly}: only members may send to the group. */
    GroupView createGroup(String address, String displayName, List<String> members, boolean membersOnly);

    List<GroupView> groups(String domain);

    /**
     * Checks a login. Failures are logged with the client address and never say which part was wrong.
     *
     * @param login the primary address or an alias
     * @return the account when the password is right and the account enabled
     */
    Optional<AccountView> authenticate(String login, String password, String clientIp, String protocol);

    /**
     * Where postmaster mail goes (RFC 5321 §4.5.1): the first administrator of the domain, or of any domain when the
     * domain is null or has none.
     */
    Optional<String> postmaster(String domain);

    /** What a recipient address means here (cached; an alias resolves to its account). */
    RecipientResolution resolve(String address);
}
