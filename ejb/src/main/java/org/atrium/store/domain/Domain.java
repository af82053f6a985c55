package org.atrium.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A mail domain hosted here (the "local domains" of RFC 5321 §2.3.5). */
@Entity
@Table(name = "domain")
public class Domain {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "quota_bytes")
    private Long quotaBytes;

    @Column(name = "quota_messages")
    private Long quotaMessages;

    @Column(name = "quota_warn_percent")
    private Integer quotaWarnPercent;

    @Column(name = "catch_all", length = 320)
    private String catchAll;

    protected Domain() {
    }

    public Domain(String name, Instant now) {
        this.name = MailAddress.normalizeDomain(name);
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** Default storage limit in octets for accounts without their own; null: none ({@link Quota#effective}). */
    public Long getQuotaBytes() {
        return quotaBytes;
    }

    /** Default message count limit for accounts without their own; null: none. */
    public Long getQuotaMessages() {
        return quotaMessages;
    }

    /** Default warning level in percent of the limits for accounts without their own; null: 90. */
    public Integer getQuotaWarnPercent() {
        return quotaWarnPercent;
    }

    /** Sets the default quota of the domain's accounts; null clears a value. */
    public void setQuota(Long bytes, Long messages, Integer warnPercent) {
        Quota.checkLimits(bytes, messages, warnPercent);
        this.quotaBytes = bytes;
        this.quotaMessages = messages;
        this.quotaWarnPercent = warnPercent;
    }

    /**
     * Where mail to an unknown local part of the domain goes (ADR 0012): an address here or outside; null: nowhere,
     * unknown addresses are refused.
     */
    public String getCatchAll() {
        return catchAll;
    }

    /** Sets or (null) clears the catch-all; the directory service checks the address first. */
    public void setCatchAll(String catchAll) {
        this.catchAll = catchAll;
    }
}
