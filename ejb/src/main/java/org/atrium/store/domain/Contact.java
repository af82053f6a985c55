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
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An external person in a domain's address book (ADR 0017): published in the GAL with the contact object class,
 * usable as a distribution group member (delivery relays to it), never a mailbox. The address is outside the hosted
 * domains and unique over all address books.
 */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "domain_id")
    private Domain domain;

    @Column(nullable = false, unique = true)
    private String address;

    @Column(name = "display_name")
    private String displayName;
    @Column(name = "given_name")
    private String givenName;
    private String surname;
    private String company;
    private String department;
    private String title;
    private String phone;
    private String mobile;
    private String notes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Contact() {
    }

    public Contact(Domain domain, MailAddress address, Instant now) {
        this.domain = domain;
        this.address = address.toString();
        this.createdAt = now;
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

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getGivenName() {
        return givenName;
    }

    public String getSurname() {
        return surname;
    }

    public String getCompany() {
        return company;
    }

    public String getDepartment() {
        return department;
    }

    public String getTitle() {
        return title;
    }

    public String getPhone() {
        return phone;
    }

    public String getMobile() {
        return mobile;
    }

    public String getNotes() {
        return notes;
    }

    /** Sets every descriptive field at once; values come already checked by {@code ContactRules}. */
    public void describe(String displayName, String givenName, String surname, String company, String department,
                         String title, String phone, String mobile, String notes) {
        this.displayName = displayName;
        this.givenName = givenName;
        this.surname = surname;
        this.company = company;
        this.department = department;
        this.title = title;
        this.phone = phone;
        this.mobile = mobile;
        this.notes = notes;
    }
}
