package org.atrium.web.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.charts.ChartData;
import org.primefaces.model.charts.axes.cartesian.CartesianScales;
import org.primefaces.model.charts.axes.cartesian.linear.CartesianLinearAxes;
import org.primefaces.model.charts.axes.cartesian.linear.CartesianLinearTicks;
import org.primefaces.model.charts.bar.BarChartDataSet;
import org.primefaces.model.charts.bar.BarChartModel;
import org.primefaces.model.charts.bar.BarChartOptions;
import org.primefaces.model.charts.line.LineChartDataSet;
import org.primefaces.model.charts.line.LineChartModel;
import org.primefaces.model.charts.line.LineChartOptions;

/**
 * Builds the dashboard's charts (PrimeFaces' Chart.js models) from what the services answer. The hourly series are
 * laid on a fixed axis of whole hours, so an hour the service left out shows as zero rather than shifting the line,
 * and the hours are labelled in the administrator's time zone although the service buckets in UTC.
 */
final class ConsoleCharts {

    /** The traffic series, in the order the chart draws them, with their colours. */
    static final Map<String, String> TRAFFIC = trafficColours();

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private ConsoleCharts() {
    }

    private static Map<String, String> trafficColours() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("RECEIVED", "#2563eb");
        m.put("DELIVERED", "#16a34a");
        m.put("RELAYED", "#d97706");
        return Collections.unmodifiableMap(m);
    }

    /** One series per kind over whole hours, with the labels of the hours. */
    record Hourly(List<Instant> hours, List<String> labels, Map<String, List<Long>> series) {
    }

    /**
     * The {@code hours} whole hours up to and including the one {@code now} falls in, and for each kind its count per
     * hour (0 where the service has none).
     */
    static Hourly hourly(Map<Instant, Map<String, Long>> counts, Instant now, int hours, List<String> kinds,
            ZoneId zone) {
        Instant last = now.truncatedTo(ChronoUnit.HOURS);
        List<Instant> axis = new ArrayList<>(hours);
        for (int i = hours - 1; i >= 0; i--) {
            axis.add(last.minus(Duration.ofHours(i)));
        }
        List<String> labels = axis.stream().map(h -> HOUR.format(h.atZone(zone))).toList();
        Map<String, List<Long>> series = new LinkedHashMap<>();
        for (String kind : kinds) {
            series.put(kind, axis.stream().map(h -> {
                Map<String, Long> at = counts.get(h);
                Long n = at == null ? null : at.get(kind);
                return n == null ? 0L : n;
            }).toList());
        }
        return new Hourly(List.copyOf(axis), labels, series);
    }

    /** The start of the first hour of {@link #hourly} (for the service's {@code from}). */
    static Instant firstHour(Instant now, int hours) {
        return now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hours - 1L));
    }

    /** A line per kind, labelled in words ("Received"). */
    static LineChartModel trafficModel(Hourly h) {
        ChartData data = new ChartData();
        for (Map.Entry<String, List<Long>> s : h.series().entrySet()) {
            LineChartDataSet set = new LineChartDataSet();
            set.setLabel(word(s.getKey()));
            set.setData(new ArrayList<>(s.getValue()));
            String colour = TRAFFIC.getOrDefault(s.getKey(), "#64748b");
            set.setBorderColor(colour);
            set.setBackgroundColor(colour);
            set.setFill(false);
            set.setTension(0.2);
            data.addChartDataSet(set);
        }
        data.setLabels(new ArrayList<>(h.labels()));
        LineChartOptions options = new LineChartOptions();
        options.setScales(countScale());
        options.setMaintainAspectRatio(false);
        return new LineChartModel(data, options);
    }

    /** One bar per domain: megabytes stored, largest first. */
    static BarChartModel storageModel(Map<String, Long> bytesByDomain) {
        List<Map.Entry<String, Long>> rows = bytesByDomain.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        BarChartDataSet set = new BarChartDataSet();
        set.setLabel("Stored (MiB)");
        set.setData(new ArrayList<>(rows.stream().map(e -> (Object) mebibytes(e.getValue())).toList()));
        set.setBackgroundColor("#2563eb");
        ChartData data = new ChartData();
        data.addChartDataSet(set);
        data.setLabels(new ArrayList<>(rows.stream().map(Map.Entry::getKey).toList()));
        BarChartOptions options = new BarChartOptions();
        options.setMaintainAspectRatio(false);
        return new BarChartModel(data, options);
    }

    /** Octets as MiB with two decimals, so that small test mailboxes still show a bar. */
    static double mebibytes(long bytes) {
        return Math.round(bytes / 1024.0 / 1024.0 * 100) / 100.0;
    }

    /** {@code RECEIVED} as {@code Received}, {@code DSN_SENT} as {@code Dsn sent}. */
    static String word(String kind) {
        String s = kind.replace('_', ' ').toLowerCase(Locale.ROOT);
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static CartesianScales countScale() {
        CartesianScales scales = new CartesianScales();
        CartesianLinearAxes y = new CartesianLinearAxes();
        y.setBeginAtZero(true);
        CartesianLinearTicks ticks = new CartesianLinearTicks();
        ticks.setPrecision(0);
        y.setTicks(ticks);
        scales.addYAxesData(y);
        return scales;
    }
}
