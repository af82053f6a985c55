package org.atrium.store.domain;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An accepted message waiting for (or done with) local delivery: the inbound queue entry.
 *
 * <p>Written in the same transaction as its content row, before SMTP answers 250 (RFC 5321 §6.1). Delivery is
 * idempotent: each recipient moves from PENDING to DELIVERED once, so a redelivered wake-up files nothing twice.
 */
@Entity
@Table(name = "inbound_message")
public class InboundMessage {

    public enum State { QUEUED, DONE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "queue_id", nullable = false, unique = true)
    private String queueId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "content_id")
    private MessageContent content;

    @Column(name = "reverse_path", nullable = false)
    private String reversePath;

    @Column(name = "client_ip")
    private String clientIp;

    private String helo;

    @Column(name = "auth_user")
    private String authUser;

    @Column(name = "session_id")
    private String sessionId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "completed_at")
    private Instant completedAt;

    /** RFC 3461 §4.4 ENVID, xtext as received; null when not given. */
    private String envid;

    /** RFC 3461 §4.3 RET, FULL or HDRS; null when not given. */
    private String ret;

    @OneToMany(mappedBy = "message", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<InboundRecipient> recipients = new ArrayList<>();

    protected InboundMessage() {
    }

    public InboundMessage(String queueId, MessageContent content, String reversePath, String clientIp, String helo,
            String authUser, String sessionId, Instant receivedAt, List<String> recipientAddresses) {
        if (recipientAddresses.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one recipient");
        }
        this.queueId = queueId;
        this.content = content;
        this.reversePath = reversePath;
        this.clientIp = clientIp;
        this.helo = helo;
        this.authUser = authUser;
        this.sessionId = sessionId;
        this.receivedAt = receivedAt;
        this.state = State.QUEUED;
        for (String r : recipientAddresses) {
            recipients.add(new InboundRecipient(this, r));
        }
    }

    /** Records the envelope's DSN parameters (RFC 3461 §4.3, §4.4). */
    public void dsnParameters(String envid, String ret) {
        this.envid = envid;
        this.ret = ret;
    }

    public String getEnvid() {
        return envid;
    }

    public String getRet() {
        return ret;
    }

    public String getAuthUser() {
        return authUser;
    }

    /** Counts a delivery attempt. */
    public void attempt() {
        attempts++;
    }

    /**
     * Marks the entry done once no recipient is pending.
     *
     * @return true if it just became done (the caller then releases the content reference the entry held)
     */
    public boolean completeIfSettled(Instant now) {
        if (state == State.DONE || recipients.stream().anyMatch(InboundRecipient::isPending)) {
            return false;
        }
        state = State.DONE;
        completedAt = now;
        return true;
    }

    public Long getId() {
        return id;
    }

    public String getQueueId() {
        return queueId;
    }

    public MessageContent getContent() {
        return content;
    }

    public String getReversePath() {
        return reversePath;
    }

    public String getClientIp() {
        return clientIp;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public State getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public List<InboundRecipient> getRecipients() {
        return Collections.unmodifiableList(recipients);
    }
}
