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
 * A message waiting to be relayed to the recipients of one destination domain: the outbound queue entry (issue #4,
 * ADR 0010).
 *
 * <p>Written in the transaction that routed its recipients; holds one reference on its content until it is removed.
 * {@code nextAttemptAt} is both the retry time and the lease of the state: an attempt {@link #claim claims} the entry
 * (SENDING, due again only after the lease, should the process die), and the sweep wakes whatever is due.
 */
@Entity
@Table(name = "outbound_message")
public class OutboundMessage {

    /** QUEUED: to be tried now; DEFERRED: waiting for {@code nextAttemptAt}; SENDING: an attempt is running. */
    public enum State { QUEUED, DEFERRED, SENDING }

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

    @Column(nullable = false)
    private String domain;

    private String envid;
    private String ret;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "delay_warned_at")
    private Instant delayWarnedAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_reply")
    private String lastReply;

    @Column(name = "auth_user")
    private String authUser;

    @Column(name = "inbound_queue_id")
    private String inboundQueueId;

    @OneToMany(mappedBy = "message", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<OutboundRecipient> recipients = new ArrayList<>();

    protected OutboundMessage() {
    }

    /**
     * A new entry, QUEUED; it is due at {@code leaseUntil} should its wake-up be lost.
     *
     * @param receivedAt when the message arrived here (the queue lifetime counts from it)
     */
    public OutboundMessage(String queueId, MessageContent content, String reversePath, String domain, String envid,
            String ret, Instant receivedAt, Instant expiresAt, Instant leaseUntil, String authUser,
            String inboundQueueId) {
        this.queueId = queueId;
        this.content = content;
        this.reversePath = reversePath;
        this.domain = domain;
        this.envid = envid;
        this.ret = ret;
        this.receivedAt = receivedAt;
        this.expiresAt = expiresAt;
        this.nextAttemptAt = leaseUntil;
        this.authUser = authUser;
        this.inboundQueueId = inboundQueueId;
        this.state = State.QUEUED;
    }

    public OutboundRecipient addRecipient(String address, String notify, String orcpt) {
        OutboundRecipient r = new OutboundRecipient(this, address, notify, orcpt);
        recipients.add(r);
        return r;
    }

    /**
     * Takes the entry for one attempt if it is QUEUED, or DEFERRED and due, or SENDING with its lease passed (the
     * attempt that held it died).
     *
     * @return false when another attempt holds it or it is not due: the caller does nothing
     */
    public boolean claim(Instant now, Instant leaseUntil) {
        boolean due = !nextAttemptAt.isAfter(now);
        if (state == State.QUEUED || due) {
            state = State.SENDING;
            attempts++;
            lastAttemptAt = now;
            nextAttemptAt = leaseUntil;
            return true;
        }
        return false;
    }

    /** Whether the attempt numbered {@code attempt} still holds the entry (no later claim took it over). */
    public boolean heldBy(int attempt) {
        return state == State.SENDING && attempts == attempt;
    }

    /** After a temporary failure: wait until {@code next}. */
    public void defer(Instant next, String reply) {
        state = State.DEFERRED;
        nextAttemptAt = next;
        lastReply = cut(reply);
    }

    /** Due now (retry now, a sweep's wake-up); due again at {@code leaseUntil} should the wake-up be lost. */
    public void queue(Instant leaseUntil) {
        state = State.QUEUED;
        nextAttemptAt = leaseUntil;
    }

    public void delayWarned(Instant now) {
        delayWarnedAt = now;
    }

    public void replied(String reply) {
        lastReply = cut(reply);
    }

    public boolean hasPending() {
        return recipients.stream().anyMatch(OutboundRecipient::isPending);
    }

    private static String cut(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
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

    public String getDomain() {
        return domain;
    }

    public String getEnvid() {
        return envid;
    }

    public String getRet() {
        return ret;
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

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getDelayWarnedAt() {
        return delayWarnedAt;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public String getLastReply() {
        return lastReply;
    }

    public String getAuthUser() {
        return authUser;
    }

    public String getInboundQueueId() {
        return inboundQueueId;
    }

    public List<OutboundRecipient> getRecipients() {
        return Collections.unmodifiableList(recipients);
    }
}
