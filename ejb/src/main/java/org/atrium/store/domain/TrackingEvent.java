package org.atrium.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the message tracking log: what happened to a message for one recipient, and when. */
@Entity
@Table(name = "tracking_event")
public class TrackingEvent {

    /**
     * RECEIVED: accepted (SMTP 250 or a local submission); DELIVERED: filed into a local folder; RELAYED: accepted by
     * the next hop (remote in {@code remote}); DEFERRED: a temporary failure, retried later (reason in
     * {@code detail}); DELAYED: a delay warning DSN went to the sender; FAILED: a permanent failure, bounced;
     * EXPIRED: given up after the queue lifetime, bounced; DELETED: removed from the queue by an administrator
     * without notice; DSN_SENT: a delivery status notification was queued for the sender; EXPUNGED: removed from a
     * folder.
     */
    public enum Kind { RECEIVED, DELIVERED, RELAYED, DEFERRED, DELAYED, FAILED, EXPIRED, DELETED, DSN_SENT, EXPUNGED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind event;

    @Column(name = "queue_id")
    private String queueId;

    @Column(name = "message_id")
    private String messageId;

    private String sender;
    private String recipient;
    private String remote;
    private String detail;

    protected TrackingEvent() {
    }

    public TrackingEvent(Instant at, Kind event, String queueId, String messageId, String sender, String recipient,
            String remote, String detail) {
        this.at = at;
        this.event = event;
        this.queueId = queueId;
        this.messageId = messageId == null || messageId.length() <= 1000 ? messageId : messageId.substring(0, 1000);
        this.sender = sender;
        this.recipient = recipient;
        this.remote = remote;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public Instant getAt() {
        return at;
    }

    public Kind getEvent() {
        return event;
    }

    public String getQueueId() {
        return queueId;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getDetail() {
        return detail;
    }
}
