package org.atrium.store.application;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Message tracking (issue #6): searches the tracking records the store writes at every state change. */
@Local
public interface TrackingService {

    /** Records matching the query, newest first. */
    List<TrackingEntryView> search(TrackingQuery query);

    /**
     * Counts per hour (the hour's start, UTC) of the given kinds between {@code from} and {@code to}, for the
     * console's chart; hours without events are present with zero counts.
     */
    Map<Instant, Map<String, Long>> hourly(Instant from, Instant to, List<String> kinds);
}
