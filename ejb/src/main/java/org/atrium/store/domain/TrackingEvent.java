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

    public enum Kind { RECEIVED, DELIVERED, FAILED, EXPUNGED }

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
