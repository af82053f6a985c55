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

/** One recipient of an outbound entry, with the DSN request it passes on (RFC 3461 §5.2), and where it stands. */
@Entity
@Table(name = "outbound_recipient")
public class OutboundRecipient {

    public enum State { PENDING, RELAYED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "message_id")
    private OutboundMessage message;

    @Column(nullable = false)
    private String address;

    private String notify;
    private String orcpt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    private String reply;

    protected OutboundRecipient() {
    }

    OutboundRecipient(OutboundMessage message, String address, String notify, String orcpt) {
        this.message = message;
        this.address = address;
        this.notify = notify;
        this.orcpt = orcpt;
        this.state = State.PENDING;
    }

    public boolean isPending() {
        return state == State.PENDING;
    }

    public void relayed(String reply) {
        settle(State.RELAYED, reply);
    }

    public void failed(String reply) {
        settle(State.FAILED, reply);
    }

    /** A temporary failure: still pending, the reply kept for the admin tools and the delay DSN. */
    public void deferred(String reply) {
        if (state == State.PENDING) {
            this.reply = cut(reply);
        }
    }

    private void settle(State to, String reply) {
        if (state != State.PENDING) {
            throw new IllegalStateException("recipient " + address + " is already " + state);
        }
        this.state = to;
        this.reply = cut(reply);
    }

    private static String cut(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    public Long getId() {
        return id;
    }

    public String getAddress() {
        return address;
    }

    public String getNotify() {
        return notify;
    }

    public String getOrcpt() {
        return orcpt;
    }

    public State getState() {
        return state;
    }

    public String getReply() {
        return reply;
    }
}
