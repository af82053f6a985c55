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

/** One recipient of an inbound message and where its delivery stands. */
@Entity
@Table(name = "inbound_recipient")
public class InboundRecipient {

    /** RELAYED: handed to the outbound queue (its entries then track the relay). */
    public enum State { PENDING, DELIVERED, RELAYED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "message_id")
    private InboundMessage message;

    @Column(nullable = false)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "mail_item_id")
    private Long mailItemId;

    private String detail;

    /** RFC 3461 §4.1 NOTIFY, upper case; null when not given (failure and delay are then reported). */
    private String notify;

    /** RFC 3461 §4.2 ORCPT as received; null when not given. */
    private String orcpt;

    protected InboundRecipient() {
    }

    InboundRecipient(InboundMessage message, String address) {
        this.message = message;
        this.address = address;
        this.state = State.PENDING;
    }

    public boolean isPending() {
        return state == State.PENDING;
    }

    public void delivered(long itemId) {
        requirePending();
        this.state = State.DELIVERED;
        this.mailItemId = itemId;
    }

    /** Handed to the outbound queue; {@code detail} names its entries. */
    public void relayed(String detail) {
        requirePending();
        this.state = State.RELAYED;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public void failed(String reason) {
        requirePending();
        this.state = State.FAILED;
        this.detail = reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    }

    private void requirePending() {
        if (state != State.PENDING) {
            throw new IllegalStateException("recipient " + address + " is already " + state);
        }
    }

    /** Records the recipient's DSN request (RFC 3461 §4.1, §4.2). */
    public void dsnRequest(String notify, String orcpt) {
        this.notify = notify;
        this.orcpt = orcpt;
    }

    public String getNotify() {
        return notify;
    }

    public String getOrcpt() {
        return orcpt;
    }

    public Long getId() {
        return id;
    }

    public String getAddress() {
        return address;
    }

    public State getState() {
        return state;
    }

    public String getDetail() {
        return detail;
    }
}
