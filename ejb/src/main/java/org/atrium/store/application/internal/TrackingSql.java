package org.atrium.store.application.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.atrium.store.application.StoreException;
import org.atrium.store.application.TrackingEntryView;
import org.atrium.store.application.TrackingQuery;
import org.atrium.store.domain.TrackingEvent;

/**
 * The SQL of message tracking over {@code tracking_event} (V1__foundation.sql), kept apart from the EJB so that the
 * very statements the service runs are tested on H2 (and PostgreSQL) with plain JDBC. Portable SQL only: the same
 * text runs on H2 2.2 and PostgreSQL 15 — {@code LOWER}, {@code OFFSET … FETCH NEXT}, and
 * {@code EXTRACT(EPOCH FROM at)}, which both define as seconds since 1970-01-01T00:00Z for a
 * {@code TIMESTAMP WITH TIME ZONE}, so the hourly buckets are UTC hours whatever the session's time zone.
 *
 * <p>Parameters are written as JPA positional markers ({@code ?1}, the only portable kind for native queries,
 * Jakarta Persistence 3.1 §3.10.16.1) or as JDBC's {@code ?}; instants are bound as UTC {@link OffsetDateTime}s.
 * Searches use the index on {@code at} when a time range is given and the one on {@code queue_id}; address and
 * message-id searches without a range scan the table.
 */
final class TrackingSql {

    /** The most rows one search answers. */
    static final int MAX_LIMIT = 1000;

    /** The longest range {@code hourly} counts: 31 days of hours. */
    static final long MAX_HOURS = 31 * 24;

    /** A statement and its parameters, in order. */
    record Statement(String sql, List<Object> parameters) {
    }

    private TrackingSql() {
    }

    /** @param jpa whether to write {@code ?n} (JPA native query) rather than {@code ?} (JDBC) */
    static Statement search(TrackingQuery q, boolean jpa) {
        if (q.limit() < 1) {
            throw StoreException.invalid("limit", "limit is at least 1");
        }
        if (q.offset() < 0) {
            throw StoreException.invalid("offset", "offset is at least 0");
        }
        if (q.from() != null && q.to() != null && q.from().isAfter(q.to())) {
            throw StoreException.invalid("to", "to is before from");
        }
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        String sender = lower(q.sender());
        if (sender != null) {
            params.add(sender);
            where.add("LOWER(sender) = " + marker(jpa, params.size()));
        }
        String recipient = lower(q.recipient());
        if (recipient != null) {
            params.add(recipient);
            where.add("LOWER(recipient) = " + marker(jpa, params.size()));
        }
        String messageId = lower(q.messageId());
        if (messageId != null) {
            // Stored as in the header (RFC 5322 §3.6.4: "<id@host>"); found with or without the angle brackets.
            String bare = messageId.startsWith("<") && messageId.endsWith(">") && messageId.length() > 2
                    ? messageId.substring(1, messageId.length() - 1) : messageId;
            params.add("<" + bare + ">");
            String a = marker(jpa, params.size());
            params.add(bare);
            where.add("LOWER(message_id) IN (" + a + ", " + marker(jpa, params.size()) + ")");
        }
        if (q.queueId() != null && !q.queueId().isBlank()) {
            // A message's outbound entries are "<id>.<n>" (one per destination domain): its own id finds them too.
            String id = q.queueId().strip();
            params.add(id);
            String exact = "queue_id = " + marker(jpa, params.size());
            if (id.indexOf('%') < 0 && id.indexOf('_') < 0 && id.indexOf('.') < 0) {
                params.add(id + ".%");
                where.add("(" + exact + " OR queue_id LIKE " + marker(jpa, params.size()) + ")");
            } else {
                where.add(exact);
            }
        }
        if (q.from() != null) {
            params.add(utc(q.from()));
            where.add("at >= " + marker(jpa, params.size()));
        }
        if (q.to() != null) {
            params.add(utc(q.to()));
            where.add("at < " + marker(jpa, params.size()));
        }
        if (q.outcome() != null && !q.outcome().isBlank()) {
            params.add(kind("outcome", q.outcome()).name());
            where.add("event = " + marker(jpa, params.size()));
        }
        params.add(q.offset());
        String offset = marker(jpa, params.size());
        params.add(Math.min(q.limit(), MAX_LIMIT));
        String limit = marker(jpa, params.size());
        String sql = "SELECT id, at, event, queue_id, message_id, sender, recipient, remote, detail"
                + " FROM tracking_event" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY at DESC, id DESC OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY";
        return new Statement(sql, List.copyOf(params));
    }

    /**
     * Counts per UTC hour and kind of the events at or after {@code from} and before {@code to}.
     *
     * @param kinds kind names; null or empty for all
     */
    static Statement hourly(Instant from, Instant to, List<String> kinds, boolean jpa) {
        checkRange(from, to);
        List<Object> params = new ArrayList<>();
        params.add(utc(from));
        String f = marker(jpa, 1);
        params.add(utc(to));
        String t = marker(jpa, 2);
        List<String> in = new ArrayList<>();
        for (TrackingEvent.Kind k : kinds(kinds)) {
            params.add(k.name());
            in.add(marker(jpa, params.size()));
        }
        String hour = "FLOOR(EXTRACT(EPOCH FROM at) / 3600)";
        String sql = "SELECT " + hour + ", event, COUNT(*) FROM tracking_event WHERE at >= " + f + " AND at < " + t
                + " AND event IN (" + String.join(", ", in) + ") GROUP BY " + hour + ", event";
        return new Statement(sql, List.copyOf(params));
    }

    /**
     * The answer of {@link #hourly}: every hour from the one holding {@code from} to the one holding the last instant
     * before {@code to}, each with every kind asked for, zero when nothing happened.
     *
     * @param rows (hours since the epoch, kind name, count) as {@link #hourly} selects them
     */
    static Map<Instant, Map<String, Long>> buckets(Instant from, Instant to, List<String> kinds, List<Object[]> rows) {
        checkRange(from, to);
        List<TrackingEvent.Kind> ks = kinds(kinds);
        Map<Instant, Map<String, Long>> out = new TreeMap<>();
        Instant last = to.minusNanos(1).truncatedTo(ChronoUnit.HOURS);
        for (Instant h = from.truncatedTo(ChronoUnit.HOURS); !h.isAfter(last); h = h.plus(1, ChronoUnit.HOURS)) {
            Map<String, Long> counts = new LinkedHashMap<>();
            ks.forEach(k -> counts.put(k.name(), 0L));
            out.put(h, counts);
        }
        for (Object[] r : rows) {
            Instant h = Instant.ofEpochSecond(((Number) r[0]).longValue() * 3600);
            Map<String, Long> counts = out.get(h);
            if (counts != null) {
                counts.merge(String.valueOf(r[1]), ((Number) r[2]).longValue(), Long::sum);
            }
        }
        out.replaceAll((h, counts) -> Collections.unmodifiableMap(counts));
        return Collections.unmodifiableMap(out);
    }

    /** One row of {@link #search} as a view; the driver's own types for the timestamp are all accepted. */
    static TrackingEntryView entry(Object[] r) {
        return new TrackingEntryView(((Number) r[0]).longValue(), instant(r[1]), String.valueOf(r[2]), (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8]);
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} value as JDBC drivers and Hibernate hand it back. */
    static Instant instant(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (v instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (v instanceof Timestamp t) {
            return t.toInstant();
        }
        if (v instanceof java.util.Date d) {
            return d.toInstant();
        }
        if (v instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (v instanceof BigDecimal || v instanceof Number) {
            return Instant.ofEpochMilli(((Number) v).longValue());
        }
        throw new IllegalArgumentException("not a timestamp: " + v.getClass().getName());
    }

    /** The kind named {@code value} (case ignored), else refused naming {@code field}. */
    static TrackingEvent.Kind kind(String field, String value) {
        try {
            return TrackingEvent.Kind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw StoreException.invalid(field, field + " is one of " + Arrays.toString(TrackingEvent.Kind.values()));
        }
    }

    private static List<TrackingEvent.Kind> kinds(List<String> names) {
        if (names == null || names.isEmpty()) {
            return List.of(TrackingEvent.Kind.values());
        }
        return names.stream().map(n -> kind("kinds", n)).distinct().toList();
    }

    private static void checkRange(Instant from, Instant to) {
        if (from == null) {
            throw StoreException.invalid("from", "from is required");
        }
        if (to == null) {
            throw StoreException.invalid("to", "to is required");
        }
        if (!from.isBefore(to)) {
            throw StoreException.invalid("to", "to is after from");
        }
        if (ChronoUnit.HOURS.between(from.truncatedTo(ChronoUnit.HOURS), to) > MAX_HOURS) {
            throw StoreException.invalid("to", "at most " + MAX_HOURS + " hours are counted at once");
        }
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String marker(boolean jpa, int position) {
        return jpa ? "?" + position : "?";
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
