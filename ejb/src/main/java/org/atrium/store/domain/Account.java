package org.atrium.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A user with a mailbox. Holds the password only as a slow salted hash ({@link PasswordHash}).
 * The POP3 exclusive lock (RFC 1939 §8) is a lease on this row so that it also holds across cluster nodes and expires
 * if the node holding it dies.
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "domain_id")
    private Domain domain;

    @Column(name = "local_part", nullable = false)
    private String localPart;

    @Column(nullable = false, unique = true)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountKind kind = AccountKind.USER;

    @Column(name = "display_name")
    private String displayName;
    @Column(name = "given_name")
    private String givenName;
    private String surname;
    private String department;
    private String title;
    private String phone;
    private String office;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(nullable = false)
    private boolean admin;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "pop3_lock")
    private String pop3Lock;

    @Column(name = "pop3_lock_until")
    private Instant pop3LockUntil;

    @Column(name = "quota_bytes")
    private Long quotaBytes;

    @Column(name = "quota_messages")
    private Long quotaMessages;

    @Column(name = "quota_warn_percent")
    private Integer quotaWarnPercent;

    /** The account's class of service (ADR 0016); null: none. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "cos_id")
    private ClassOfService classOfService;

    @Version
    private long version;

    protected Account() {
    }

    public Account(Domain domain, MailAddress address, String displayName, boolean admin, Instant now) {
        if (!domain.getName().equals(address.domain())) {
            throw new IllegalArgumentException("address " + address + " is not in domain " + domain.getName());
        }
        this.domain = domain;
        this.localPart = address.localPart();
        this.address = address.toString();
        this.displayName = displayName == null || displayName.isBlank() ? address.localPart() : displayName.strip();
        this.admin = admin;
        this.createdAt = now;
    }

    /**
     * The holder of a public folder tree (ADR 0006): an internal address that is no mail address
     * ({@code #public@organisation}, {@code #public@<domain>}), no password, never a recipient.
     */
    public static Account publicStore(Domain domain, AccountKind kind, Instant now) {
        if (!kind.isPublic()) {
            throw new IllegalArgumentException("not a public store kind: " + kind);
        }
        Account a = new Account();
        a.domain = domain;
        a.kind = kind;
        a.localPart = "#public";
        a.address = kind == AccountKind.PUBLIC_ORG ? ORGANISATION_STORE : "#public@" + domain.getName();
        a.displayName = kind == AccountKind.PUBLIC_ORG ? "Public Folders" : "Public Folders (" + domain.getName() + ")";
        a.enabled = false;
        a.createdAt = now;
        return a;
    }

    /**
     * A room's or equipment's mailbox (ADR 0017): a real mail address that receives mail, without a password, so
     * that no login can ever succeed; delegates read it through mailbox grants (ADR 0006).
     */
    public static Account resource(Domain domain, MailAddress address, String displayName, Instant now) {
        Account a = new Account(domain, address, displayName, false, now);
        a.kind = AccountKind.RESOURCE;
        return a;
    }

    /** The internal address of the organisation's public folder store. */
    public static final String ORGANISATION_STORE = "#public@organisation";

    public AccountKind getKind() {
        return kind;
    }

    public void setPassword(String password) {
        this.passwordHash = PasswordHash.create(password);
    }

    /** The stored hash, for the login cache to tell whether the password changed since it verified it. */
    public String getPasswordHash() {
        return passwordHash;
    }

    /** Verifies a password against the stored hash; a disabled account or one without a password never matches. */
    public boolean passwordMatches(String password) {
        return enabled && passwordHash != null && PasswordHash.verify(password, passwordHash);
    }

    public Long getId() {
        return id;
    }

    public Domain getDomain() {
        return domain;
    }

    public String getAddress() {
        return address;
    }

    public String getLocalPart() {
        return localPart;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getSurname() {
        return surname;
    }

    public void setSurname(String surname) {
        this.surname = surname;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getOffice() {
        return office;
    }

    public void setOffice(String office) {
        this.office = office;
    }

    public boolean isAdmin() {
        return admin;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** Storage limit in octets; null: the domain's, else the server default ({@link Quota#effective}). */
    public Long getQuotaBytes() {
        return quotaBytes;
    }

    /** Message count limit; null: the domain's, else unlimited. */
    public Long getQuotaMessages() {
        return quotaMessages;
    }

    /** Warning level in percent of the limits; null: the domain's, else {@link Quota#DEFAULT_WARN_PERCENT}. */
    public Integer getQuotaWarnPercent() {
        return quotaWarnPercent;
    }

    public void setQuota(Long bytes, Long messages) {
        setQuota(bytes, messages, quotaWarnPercent);
    }

    /** Sets the account's own limits and warning level; null clears a value (the domain's then applies). */
    public void setQuota(Long bytes, Long messages, Integer warnPercent) {
        Quota.checkLimits(bytes, messages, warnPercent);
        this.quotaBytes = bytes;
        this.quotaMessages = messages;
        this.quotaWarnPercent = warnPercent;
    }

    /** The class of service (ADR 0016), or null. */
    public ClassOfService getClassOfService() {
        return classOfService;
    }

    /** Whether the "Public Folders" namespace exists for this user: not when the class of service denies it. */
    public boolean mayUsePublicFolders() {
        return classOfService == null || classOfService.isPublicFolders();
    }

    /** Whether this user may himself give others access to his mailbox: not when the class of service denies it. */
    public boolean mayDelegate() {
        return classOfService == null || classOfService.isDelegation();
    }

    /** Assigns a class of service; null removes the assignment. */
    public void setClassOfService(ClassOfService classOfService) {
        this.classOfService = classOfService;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }
}
