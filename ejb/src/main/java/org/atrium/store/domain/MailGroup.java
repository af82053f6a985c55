package org.atrium.store.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A distribution group: an address whose mail goes to its members (addresses of accounts, other groups, or outside
 * contacts). Expansion (nesting, loops, sender restrictions) is the transport's job.
 */
@Entity
@Table(name = "mail_group")
public class MailGroup {

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

    @Column(name = "members_only", nullable = false)
    private boolean membersOnly;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "mail_group_member", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "member_address")
    private Set<String> members = new TreeSet<>();

    protected MailGroup() {
    }

    public MailGroup(Domain domain, MailAddress address, String displayName) {
        if (!domain.getName().equals(address.domain())) {
            throw new IllegalArgumentException("address " + address + " is not in domain " + domain.getName());
        }
        this.domain = domain;
        this.address = address.toString();
        this.displayName = displayName == null || displayName.isBlank() ? address.localPart() : displayName.strip();
    }

    public void addMember(MailAddress member) {
        if (member.toString().equals(address)) {
            throw new IllegalArgumentException("a group cannot contain itself");
        }
        members.add(member.toString());
    }

    /** Removes a member; whether it was one. */
    public boolean removeMember(String member) {
        return members.remove(member);
    }

    /** Sets the name shown in the GAL; blank: the local part of the address. */
    public void setDisplayName(String displayName) {
        this.displayName = displayName == null || displayName.isBlank()
                ? address.substring(0, address.lastIndexOf('@')) : displayName.strip();
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

    public String getDisplayName() {
        return displayName;
    }

    public boolean isMembersOnly() {
        return membersOnly;
    }

    public void setMembersOnly(boolean membersOnly) {
        this.membersOnly = membersOnly;
    }

    public Set<String> getMembers() {
        return Collections.unmodifiableSet(members);
    }
}
