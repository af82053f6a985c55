package org.atrium.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A DKIM key pair of a hosted domain (RFC 6376 §3.6, issue #4, ADR 0013): the selector names the DNS record
 * {@code <selector>._domainkey.<domain>} that publishes the public key. At most one key of a domain is active
 * (the service keeps that); the private key, PKCS#8 in base64, is as sensitive as a password hash.
 */
@Entity
@Table(name = "dkim_key")
public class DkimKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "domain_id")
    private Domain domain;

    @Column(nullable = false)
    private String selector;

    @Column(name = "private_key", nullable = false)
    private String privateKey;

    @Column(name = "public_key", nullable = false)
    private String publicKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private boolean active;

    protected DkimKey() {
    }

    /**
     * @param selector a DNS label (RFC 6376 §3.1): letters, digits and hyphens
     * @param privateKey PKCS#8, base64
     * @param publicKey SubjectPublicKeyInfo, base64
     */
    public DkimKey(Domain domain, String selector, String privateKey, String publicKey, Instant now) {
        if (!selector.matches("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")) {
            throw new IllegalArgumentException("a DKIM selector is a DNS label: " + selector);
        }
        this.domain = domain;
        this.selector = selector;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.createdAt = now;
        this.active = true;
    }

    public Long getId() {
        return id;
    }

    public Domain getDomain() {
        return domain;
    }

    public String getSelector() {
        return selector;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isActive() {
        return active;
    }

    /** Retired by a rotation: no longer signs, kept for the record. */
    public void retire() {
        this.active = false;
    }
}
