package org.atrium.store.application;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;

/**
 * The audit log of administrative changes (issue #6): who changed what, when, from where. The admin API records
 * every request that changes something, also refused ones; administrators search it.
 */
@Local
public interface AuditService {

    /** The most rows one search returns; a larger limit is lowered to this. */
    int MAX_LIMIT = 1000;

    /**
     * Records one change, in a transaction of its own: the record survives when the change was refused and rolled
     * back, and a failing record never rolls a change back. The entry's {@code outcome} is ignored: it is derived
     * from {@code status} (1xx-3xx ok, 4xx refused, 5xx failed); a null {@code at} means now.
     */
    void record(AuditEntry entry);

    /**
     * Audited changes, newest first.
     *
     * @param actor only this actor (case ignored), or null for all
     * @param since only changes at or after this instant, or null
     * @param until only changes before this instant, or null
     * @param outcome {@code ok}, {@code refused} or {@code failed}, or null for all; anything else is refused
     *        ({@link StoreException.Code#INVALID}, field {@code outcome})
     * @param limit at least 1 (else refused, field {@code limit}); above {@link #MAX_LIMIT} it is lowered to it
     * @param offset rows to skip, at least 0 (else refused, field {@code offset})
     */
    List<AuditEntry> search(String actor, Instant since, Instant until, String outcome, int limit, int offset);
}
