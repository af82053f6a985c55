package org.atrium.store.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of the audit log of administrative changes (issue #6): who changed what, when, from where, and how it
 * ended. Written once, never updated. Text is cut to the column sizes of {@code V5__audit.sql} so that an over-long
 * request path or detail never makes the audit insert fail.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    /** How a change ended, from its HTTP status (RFC 9110 §15): 1xx-3xx ok, 4xx refused, 5xx failed. */
    public enum Outcome {
        OK, REFUSED, FAILED;

        public static Outcome of(int status) {
            if (status >= 500) {
                return FAILED;
            }
            return status >= 400 ? REFUSED : OK;
        }

        /** The stored and shown name: {@code ok}, {@code refused}, {@code failed}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The outcome named {@code label} (case ignored), or null when there is none. */
        public static Outcome parse(String label) {
            for (Outcome o : values()) {
                if (o.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
                    return o;
                }
            }
            return null;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Named apart from its column: {@code at} reads like a keyword in query text. */
    @Column(name = "at", nullable = false)
    private Instant occurredAt;

    private String actor;
    private String remote;

    @Column(nullable = false)
    private String method;

    @Column(nullable = false)
    private String resource;

    @Column(nullable = false)
    private int status;

    @Column(nullable = false)
    private String outcome;

    private String detail;

    protected AuditEvent() {
    }

    /**
     * @param actor the signed-in address or the login tried (stored in lower case: addresses compare
     *        case-insensitively), or null when the request carried none
     */
    public AuditEvent(Instant at, String actor, String remote, String method, String resource, int status,
            String detail) {
        this.occurredAt = Objects.requireNonNull(at, "at");
        this.actor = actor == null || actor.isBlank() ? null : cut(actor.strip().toLowerCase(Locale.ROOT), 320);
        this.remote = cut(remote, 64);
        this.method = cut(Objects.requireNonNull(method, "method"), 8);
        this.resource = cut(Objects.requireNonNull(resource, "resource"), 1000);
        this.status = status;
        this.outcome = Outcome.of(status).label();
        this.detail = cut(detail, 1000);
    }

    /** {@code s} cut to {@code max} characters, the last one an ellipsis when something was cut. */
    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getRemote() {
        return remote;
    }

    public String getMethod() {
        return method;
    }

    public String getResource() {
        return resource;
    }

    public int getStatus() {
        return status;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getDetail() {
        return detail;
    }
}
