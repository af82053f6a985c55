package org.atrium.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.charts.ChartData;
import org.primefaces.model.charts.bar.BarChartDataSet;
import org.primefaces.model.charts.bar.BarChartModel;
import org.primefaces.model.charts.line.LineChartDataSet;
import org.primefaces.model.charts.line.LineChartModel;

/** The dashboard's charts: hours laid on a fixed axis, zero where the service has nothing, storage by size. */
class ConsoleChartsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:17:45Z");
    private static final List<String> KINDS = List.of("RECEIVED", "DELIVERED", "RELAYED");

    @Test
    void twentyFourWholeHoursEndingWithTheCurrentOne() {
        ConsoleCharts.Hourly h = ConsoleCharts.hourly(Map.of(), NOW, 24, KINDS, ZoneOffset.UTC);
        assertEquals(24, h.hours().size());
        assertEquals(Instant.parse("2026-12-01T11:00:00Z"), h.hours().get(0));
        assertEquals(Instant.parse("2026-12-02T10:00:00Z"), h.hours().get(23));
        assertEquals(ConsoleCharts.firstHour(NOW, 24), h.hours().get(0));
        assertEquals("11:00", h.labels().get(0));
        assertEquals("10:00", h.labels().get(23));
        assertEquals(List.copyOf(KINDS), List.copyOf(h.series().keySet()));
        h.series().values().forEach(s -> assertEquals(24, s.size()));
    }

    @Test
    void countsLandInTheirHourAndMissingHoursAreZero() {
        Map<Instant, Map<String, Long>> counts = Map.of(
                Instant.parse("2026-12-02T10:00:00Z"), Map.of("RECEIVED", 5L, "DELIVERED", 4L),
                Instant.parse("2026-12-02T08:00:00Z"), Map.of("RELAYED", 2L),
                // Outside the axis (the service's own range is its business): left out.
                Instant.parse("2026-12-01T09:00:00Z"), Map.of("RECEIVED", 99L));
        ConsoleCharts.Hourly h = ConsoleCharts.hourly(counts, NOW, 24, KINDS, ZoneOffset.UTC);
        assertEquals(5L, h.series().get("RECEIVED").get(23));
        assertEquals(4L, h.series().get("DELIVERED").get(23));
        assertEquals(0L, h.series().get("RELAYED").get(23));
        assertEquals(2L, h.series().get("RELAYED").get(21));
        assertEquals(5L, h.series().get("RECEIVED").stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void hoursAreLabelledInTheGivenZone() {
        ConsoleCharts.Hourly h = ConsoleCharts.hourly(Map.of(), NOW, 3, KINDS, ZoneId.of("Asia/Kolkata"));
        // 08:00, 09:00, 10:00 UTC are 13:30, 14:30, 15:30 in India (+05:30).
        assertEquals(List.of("13:30", "14:30", "15:30"), h.labels());
    }

    @Test
    void trafficModelHasOneNamedLinePerKind() {
        ConsoleCharts.Hourly h = ConsoleCharts.hourly(
                Map.of(Instant.parse("2026-12-02T10:00:00Z"), Map.of("DELIVERED", 7L)), NOW, 24, KINDS,
                ZoneOffset.UTC);
        LineChartModel m = ConsoleCharts.trafficModel(h);
        ChartData data = m.getData();
        assertEquals(3, data.getDataSet().size());
        LineChartDataSet delivered = (LineChartDataSet) data.getDataSet().get(1);
        assertEquals("Delivered", delivered.getLabel());
        assertEquals(7L, delivered.getData().get(23));
        assertEquals(h.labels(), data.getLabels());
    }

    @Test
    void storageBarsLargestFirstInMebibytes() {
        BarChartModel m = ConsoleCharts.storageModel(Map.of("a.test", 1024L * 1024, "b.test", 3L * 1024 * 1024,
                "c.test", 0L));
        assertEquals(List.of("b.test", "a.test", "c.test"), m.getData().getLabels());
        BarChartDataSet set = (BarChartDataSet) m.getData().getDataSet().get(0);
        assertEquals(List.of(3.0, 1.0, 0.0), set.getData());
    }

    @Test
    void smallMailboxesStillShow() {
        assertEquals(0.01, ConsoleCharts.mebibytes(10_000));
        assertEquals(0.0, ConsoleCharts.mebibytes(0));
    }

    @Test
    void kindsInWords() {
        assertEquals("Received", ConsoleCharts.word("RECEIVED"));
        assertEquals("Dsn sent", ConsoleCharts.word("DSN_SENT"));
    }
}
