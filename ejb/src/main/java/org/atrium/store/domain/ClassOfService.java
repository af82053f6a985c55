package org.atrium.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A class of service (issue #6, ADR 0016): a named profile of quota limits and allowed access protocols that an
 * administrator assigns to users instead of setting each user alone.
 *
 * <p>Invariants: the name is 1 to 64 characters of letters, digits, {@code . _ -}, starting with a letter or digit,
 * and is kept in lower case (names compare case-insensitively); quota values pass {@link Quota#checkLimits} (null:
 * the profile sets none, so the domain default applies, see {@link QuotaChain}). The protocols are those a user logs
 * in with: IMAP (RFC 9051 LOGIN/AUTHENTICATE), POP3 (RFC 1939 USER/PASS) and SMTP AUTH (RFC 4954) for submission.
 * The features: {@code publicFolders} (the shared namespace of ADR 0006 exists for its users) and {@code delegation}
 * (its users may themselves give others access to their mailbox: mailbox grants, IMAP SETACL on their own folders,
 * RFC 4314; an administrator still may, and taking access back is always allowed).
 */
@Entity
@Table(name = "class_of_service")
public class ClassOfService {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** The protocols a profile rules on, as the store's adapters name them to {@link #allows}. */
    public static final String IMAP = "imap";
    public static final String POP3 = "pop3";
    /** SMTP AUTH, on the submission port (RFC 6409) or any other. */
    public static final String SUBMISSION = "smtp";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    private String description;

    @Column(name = "quota_bytes")
    private Long quotaBytes;

    @Column(name = "quota_messages")
    private Long quotaMessages;

    @Column(name = "quota_warn_percent")
    private Integer quotaWarnPercent;

    @Column(nullable = false)
    private boolean imap = true;

    @Column(nullable = false)
    private boolean pop3 = true;

    @Column(nullable = false)
    private boolean submission = true;

    @Column(name = "public_folders", nullable = false)
    private boolean publicFolders = true;

    @Column(nullable = false)
    private boolean delegation = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ClassOfService() {
    }

    /** A profile that allows every protocol and sets no quota. */
    public ClassOfService(String name, Instant now) {
        this.name = normalizeName(name);
        this.createdAt = now;
    }

    /**
     * The name in its stored form.
     *
     * @throws IllegalArgumentException "name: ..." when it is not a valid profile name
     */
    public static String normalizeName(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("name: a class of service name is 1 to 64 letters, digits, '.', '_' "
                    + "or '-', starting with a letter or digit");
        }
        return n;
    }

    /**
     * Whether a user of this profile may log in over {@code protocol} ({@link #IMAP}, {@link #POP3},
     * {@link #SUBMISSION}, also "submission"); any other protocol (the administration API, LDAP) is not the profile's
     * to rule on and is allowed.
     */
    public boolean allows(String protocol) {
        if (protocol == null) {
            return true;
        }
        return switch (protocol.toLowerCase(Locale.ROOT)) {
            case IMAP -> imap;
            case POP3 -> pop3;
            case SUBMISSION, "submission" -> submission;
            default -> true;
        };
    }

    /**
     * Sets the profile's quota (null: not set).
     *
     * @throws IllegalArgumentException naming the field: "quotaBytes", "quotaMessages" or "quotaWarnPercent"
     */
    public void setQuota(Long bytes, Long messages, Integer warnPercent) {
        try {
            Quota.checkLimits(bytes, messages, warnPercent);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            String field = m.substring(0, m.indexOf(':'));
            throw new IllegalArgumentException("quota" + Character.toUpperCase(field.charAt(0)) + field.substring(1)
                    + m.substring(m.indexOf(':')), e);
        }
        this.quotaBytes = bytes;
        this.quotaMessages = messages;
        this.quotaWarnPercent = warnPercent;
    }

    public void setProtocols(boolean imap, boolean pop3, boolean submission) {
        this.imap = imap;
        this.pop3 = pop3;
        this.submission = submission;
    }

    public void setFeatures(boolean publicFolders, boolean delegation) {
        this.publicFolders = publicFolders;
        this.delegation = delegation;
    }

    public boolean isPublicFolders() {
        return publicFolders;
    }

    public boolean isDelegation() {
        return delegation;
    }

    /** @throws IllegalArgumentException "description: ..." beyond 255 characters */
    public void setDescription(String description) {
        String d = description == null || description.isBlank() ? null : description.strip();
        if (d != null && d.length() > 255) {
            throw new IllegalArgumentException("description: at most 255 characters");
        }
        this.description = d;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Long getQuotaBytes() {
        return quotaBytes;
    }

    public Long getQuotaMessages() {
        return quotaMessages;
    }

    public Integer getQuotaWarnPercent() {
        return quotaWarnPercent;
    }

    public boolean isImap() {
        return imap;
    }

    public boolean isPop3() {
        return pop3;
    }

    public boolean isSubmission() {
        return submission;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
