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

    /**
     * Gives an account another address. INVALID ("alias") when it is no address or its domain is not hosted here,
     * CONFLICT ("alias") when an account, alias, group or mail-enabled folder has it, NOT_FOUND without the account.
     */
    void addAlias(String alias, String accountAddress);

    /** Removes an alias of the account; NOT_FOUND when the account has no such alias. */
    void removeAlias(String alias, String accountAddress);

    /** An account with its quota and usage (issue #6). */
    Optional<AccountDetails> accountDetails(String address);

    /**
     * Disables or enables an account. A disabled account cannot log in on any protocol, and mail to it (or its
     * aliases) is refused at RCPT with 550 5.2.1; its folders stay, and mail queued before stays deliverable.
     * CONFLICT ("enabled") for the last enabled administrator. Sessions already logged in are not cut off.
     */
    AccountDetails setEnabled(String address, boolean enabled);

    /**
     * Sets the account's own quota; a null value clears it, so the domain default (then the server default) applies.
     * INVALID names the field: "bytes" or "messages" when negative, "warnPercent" outside 1..100.
     */
    AccountDetails setQuota(String address, Long bytes, Long messages, Integer warnPercent);

    /** A hosted domain with its default quota. */
    Optional<DomainView> domain(String name);

    /** Sets the default quota of the domain's accounts without their own (null clears); fields as in setQuota. */
    DomainView setDomainQuota(String domain, Long bytes, Long messages, Integer warnPercent);

    /**
     * Whether the account cannot take even one more octet in one more message (RFC 9208 §5: usage at its limit),
     * so SMTP can refuse at RCPT with 552 5.2.2 (RFC 3463) before the data comes. False for unknown addresses.
     */
    boolean mailboxFull(String accountAddress);

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
