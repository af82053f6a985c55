package org.atrium.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What a booking needs to know about a resource account ({@link AccountKind#RESOURCE}, ADR 0017): its type, how many
 * people it holds and where it is. One row per resource account, keyed by the account's id.
 */
@Entity
@Table(name = "resource")
public class ResourceInfo {

    /** Kinds of resource, as published in the GAL's {@code atriumResourceType}. */
    public enum Type { ROOM, EQUIPMENT }

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Type type;

    private Integer capacity;

    private String location;

    protected ResourceInfo() {
    }

    public ResourceInfo(Account account, Type type) {
        if (account.getKind() != AccountKind.RESOURCE) {
            throw new IllegalArgumentException(account.getAddress() + " is no resource account");
        }
        this.accountId = account.getId();
        this.type = type;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Type getType() {
        return type;
    }

    public void setType(Type type) {
        this.type = java.util.Objects.requireNonNull(type, "type");
    }

    public Integer getCapacity() {
        return capacity;
    }

    /** @param capacity people it holds; {@code null} when it does not apply (equipment) */
    public void setCapacity(Integer capacity) {
        if (capacity != null && capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.capacity = capacity;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }
}
