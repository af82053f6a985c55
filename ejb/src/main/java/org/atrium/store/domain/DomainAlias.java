package org.atrium.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Another name of a hosted domain (issue #6): mail to {@code x@<name>} reaches {@code x@<domain>}, and the name is
 * a local domain in the sense of RFC 5321 §2.3.5 for recipient checks.
 */
@Entity
@Table(name = "domain_alias")
public class DomainAlias {

    @Id
    @Column(nullable = false)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "domain_id")
    private Domain domain;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DomainAlias() {
    }

    public DomainAlias(String name, Domain domain, Instant now) {
        String normalized = MailAddress.normalizeDomain(name);
        if (normalized.equals(domain.getName())) {
            throw new IllegalArgumentException("a domain cannot be an alias of itself");
        }
        this.name = normalized;
        this.domain = domain;
        this.createdAt = now;
    }

    public String getName() {
        return name;
    }

    public Domain getDomain() {
        return domain;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
