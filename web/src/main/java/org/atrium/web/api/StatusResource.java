package org.atrium.web.api;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.atrium.connector.host.Listeners;
import org.atrium.connector.host.SessionCounters;
import org.atrium.store.application.QueueService;
import org.atrium.store.application.QueueStats;
import org.atrium.store.application.StorageService;
import org.atrium.store.application.StorageUsage;
import org.atrium.store.application.TrackingService;

/**
 * {@code GET /api/v1/status} (issue #6): version, uptime, the listeners with their TLS and open connections, the
 * message counts of the last 24 hours from the tracking log, the outbound queue, and storage used. Administrators
 * only; {@code GET /api/v1/health} stays the cheap open probe for load balancers.
 *
 * <p>The counts are of tracking records, i.e. per recipient: a message to three recipients is received three
 * times. {@code bounced} is FAILED plus EXPIRED. Storage: {@code mailboxBytes} sums the mail items (what quotas count,
 * per domain of the folder owner), {@code contentBytes} the distinct stored messages (single-instance, about what
 * the blob store holds).
 */
@Path("status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    /** The tracking kinds the counters are made of. */
    static final List<String> KINDS = List.of("RECEIVED", "DELIVERED", "RELAYED", "FAILED", "EXPIRED", "DEFERRED");

    /**
     * @param tls {@code starttls}, {@code implicit} (RFC 8314 §3.3) or {@code none}
     * @param activeSessions connections open on this listener now
     */
    public record ListenerLine(String protocol, String address, int port, String tls, int activeSessions) {
    }

    /** Tracking records of the last 24 hours ({@code from} inclusive, {@code to} exclusive, ISO-8601 UTC). */
    public record Counters(String from, String to, long received, long delivered, long relayed, long bounced,
            long deferred) {

        /** Sums the hours {@link TrackingService#hourly} answered for {@link #KINDS}. */
        static Counters of(Instant from, Instant to, Map<Instant, Map<String, Long>> hours) {
            Map<String, Long> sum = new TreeMap<>();
            hours.values().forEach(h -> h.forEach((k, n) -> sum.merge(k, n, Long::sum)));
            return new Counters(from.toString(), to.toString(), sum.getOrDefault("RECEIVED", 0L),
                    sum.getOrDefault("DELIVERED", 0L), sum.getOrDefault("RELAYED", 0L),
                    sum.getOrDefault("FAILED", 0L) + sum.getOrDefault("EXPIRED", 0L),
                    sum.getOrDefault("DEFERRED", 0L));
        }
    }

    /** The whole answer; {@code sessions} are the open connections per protocol. */
    public record ServerStatus(String version, String startedAt, long uptimeSeconds, List<ListenerLine> listeners,
            Map<String, Integer> sessions, Counters last24h, QueueStats queue, StorageUsage storage) {
    }

    @Inject
    TrackingService tracking;

    @Inject
    QueueService queue;

    @Inject
    StorageService storage;

    @EJB
    SessionCounters sessions;

    Clock clock = Clock.systemUTC();

    @GET
    public ServerStatus status() {
        Instant now = clock.instant();
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        Map<String, Integer> open = new TreeMap<>(sessions.active());
        List<ListenerLine> listeners = Listeners.configured().stream()
                .map(l -> new ListenerLine(l.protocol(), l.address(), l.port(), l.tls().name().toLowerCase(Locale.ROOT),
                        open.getOrDefault(l.protocol(), 0)))
                .toList();
        listeners.forEach(l -> open.putIfAbsent(l.protocol(), 0));
        Instant from = now.minus(Duration.ofHours(24));
        return new ServerStatus(version(), started.toString(), Math.max(0, Duration.between(started, now).toSeconds()),
                listeners, open, Counters.of(from, now, tracking.hourly(from, now, KINDS)), queue.stats(),
                storage.usage());
    }

    /** The build's version, from the {@code version.properties} Maven filters (shared with the console). */
    static String version() {
        try (InputStream in = StatusResource.class.getResourceAsStream("/org/atrium/web/console/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
