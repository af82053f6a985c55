package org.atrium.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;
import org.atrium.store.application.DirectoryService;
import org.atrium.store.application.PublicFolderService;
import org.atrium.store.application.QueueService;
import org.atrium.store.application.QueueStats;
import org.atrium.store.application.StorageService;
import org.atrium.store.application.TrackingService;
import org.primefaces.model.charts.bar.BarChartModel;
import org.primefaces.model.charts.line.LineChartModel;

/**
 * The console's dashboard: how many domains, users, groups and public folders there are, the outbound queue in
 * numbers, messages received, delivered and relayed per hour over the last 24 hours (tracking records), the storage
 * of each domain ({@link StorageService}, domains without mail shown at zero), and the version.
 */
@Named("dashboard")
@RequestScoped
public class DashboardBean {

    @Inject
    DirectoryService directory;

    @Inject
    PublicFolderService publicFolders;

    @Inject
    QueueService queue;

    @Inject
    StorageService storageService;

    @Inject
    TrackingService tracking;

    /** Hours the traffic chart covers, the current one included. */
    static final int HOURS = 24;

    Clock clock = Clock.systemUTC();

    private long domains;
    private long users;
    private long groups;
    private long folders;
    private QueueStats queueStats;
    private LineChartModel traffic;
    private long trafficTotal;
    private BarChartModel storage;
    private long storedBytes;

    @PostConstruct
    void load() {
        domains = directory.domains().size();
        users = directory.accountPage(null, null, false, 0, 1).total();
        groups = directory.groups(null).size();
        folders = publicFolders.list(PublicFolderService.ORGANISATION).size();
        queueStats = queue.stats();
        Instant now = clock.instant();
        List<String> kinds = List.copyOf(ConsoleCharts.TRAFFIC.keySet());
        ConsoleCharts.Hourly h = ConsoleCharts.hourly(tracking.hourly(ConsoleCharts.firstHour(now, HOURS), now, kinds),
                now, HOURS, kinds, zone());
        traffic = ConsoleCharts.trafficModel(h);
        trafficTotal = h.series().values().stream().flatMap(List::stream).mapToLong(Long::longValue).sum();
        Map<String, Long> stored = new TreeMap<>();
        directory.domains().forEach(d -> stored.put(d.name(), 0L));
        stored.putAll(storageService.usage().mailboxBytesByDomain());
        storage = ConsoleCharts.storageModel(stored);
        storedBytes = stored.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Hours are labelled in UTC, as every instant the console shows is (no per-administrator time zone yet). */
    private static ZoneId zone() {
        return ZoneOffset.UTC;
    }

    public LineChartModel getTraffic() {
        return traffic;
    }

    /** Events of the chart's kinds in the last 24 hours (the page says "no traffic" rather than a flat line). */
    public long getTrafficTotal() {
        return trafficTotal;
    }

    public BarChartModel getStorage() {
        return storage;
    }

    /** All domains' storage, for people ({@code 1.2 G}). */
    public String getStored() {
        return ByteSize.format(storedBytes);
    }

    public QueueStats getQueue() {
        return queueStats;
    }

    public long getDomains() {
        return domains;
    }

    public long getUsers() {
        return users;
    }

    public long getGroups() {
        return groups;
    }

    /** Folders of the organisation's public folder tree. */
    public long getPublicFolders() {
        return folders;
    }

    /** The version of the build, from {@code version.properties} (filtered by Maven). */
    public String getVersion() {
        return version();
    }

    static String version() {
        try (InputStream in = DashboardBean.class.getResourceAsStream("version.properties")) {
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
