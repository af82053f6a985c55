package org.atrium.store.application;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Domains, accounts, aliases and groups: the directory whose source of truth is the database (ARCHITECTURE.md,
 * "Directory"). Logins and recipient look-ups read it through a cache; the GAL is published from it.
 */
@Local
public interface DirectoryService {

    DomainView createDomain(String name);

    List<DomainView> domains();

    /** Whether mail to the domain is for this server: a hosted domain or a domain alias (RFC 5321 §2.3.5). */
    boolean isLocalDomain(String domain);

    AccountView createAccount(NewAccount account);

    void setPassword(String address, String newPassword);

    Optional<AccountView> account(String address);

    /** Accounts of a domain, or of all domains when {@code domain} is null, ordered by address. */
    List<AccountView> accounts(String domain);

    /**
     * One page of the user accounts of all domains (issue #6: tables of thousands of users).
     *
     * @param filter matches addresses and display names containing it, case-insensitively; null or blank: all
     * @param sort "address", "displayName", "createdAt" or "lastLoginAt"; null: address. INVALID ("sort") otherwise
     * @param descending whether to sort in descending order (the address breaks ties, ascending)
     * @param offset the index of the first row, from 0; INVALID ("offset") when negative
     * @param limit at most this many rows, 1 to 1000; INVALID ("limit") otherwise
     */
    AccountPage accountPage(String filter, String sort, boolean descending, int offset, int limit);

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

    /** A group by its address (issue #6). */
    Optional<GroupView> group(String address);

    /**
     * Changes a group's display name and/or who may send to it; a null argument leaves that setting as it is, a
     * blank name falls back to the local part. NOT_FOUND without the group.
     */
    GroupView updateGroup(String address, String displayName, Boolean membersOnly);

    /**
     * Adds a member: an account, alias, group or mail-enabled folder here, or an outside address (a contact). An
     * address at a domain alias is stored as the address at its domain. INVALID ("member") when it is no address or
     * when its domain is hosted here but nothing has the address; CONFLICT ("member") when it is the group itself,
     * when the group would contain itself through nesting (the message names the chain), or when it is a member
     * already; NOT_FOUND without the group.
     */
    GroupView addGroupMember(String group, String member);

    /** Removes a member; NOT_FOUND without the group or when the address is no member of it. */
    GroupView removeGroupMember(String group, String member);

    /**
     * Deletes a group and takes it out of the groups it was a member of. CONFLICT ("address") while a public folder's
     * permissions name it (ADR 0006), naming the folders; NOT_FOUND without the group.
     */
    void removeGroup(String address);

    /**
     * Gives a hosted domain another name: mail to x@alias reaches x@domain. INVALID ("alias") for no domain name,
     * CONFLICT ("alias") when the name is hosted here or already an alias; NOT_FOUND without the domain.
     */
    DomainView addDomainAlias(String domain, String alias);

    /** Removes a domain alias; NOT_FOUND without the domain or when the name is no alias of it. */
    DomainView removeDomainAlias(String domain, String alias);

    /**
     * Sets (or, with null or blank, clears) the domain's catch-all (ADR 0012): mail to an unknown local part of the
     * domain, or of its aliases, goes to {@code address} (postmaster keeps going to the administrators). The target
     * is an account, alias, group or mail-enabled folder here, or an address outside; an address at a domain alias is
     * stored as the address at its domain. INVALID ("address") when it is no address, or when its domain is hosted
     * here but nothing has the address (an unknown address would only be caught again); NOT_FOUND without the
     * domain.
     */
    DomainView setCatchAll(String domain, String address);

    /**
     * Deletes an empty domain. CONFLICT ("name") while it has users, groups, aliases, public folders or domain
     * aliases, with a message that counts what is left; NOT_FOUND without the domain.
     */
    void removeDomain(String name);

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

    /**
     * What a recipient address means here (cached; an alias resolves to its account, an address at a domain alias
     * as the same local part at its domain, a group to GROUP, an unknown local part of a domain with a catch-all as
     * the catch-all's own address does, or FORWARD when that is outside).
     */
    RecipientResolution resolve(String address);
}
