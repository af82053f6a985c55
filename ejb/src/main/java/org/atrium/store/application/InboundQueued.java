package org.atrium.store.application;

import java.util.List;

/**
 * CDI event: the store queued messages for delivery inside a transaction of its own (a quota warning, a DSN);
 * observed after commit to send the delivery wake-up (the sweep is the fallback when that is lost).
 *
 * @param inboundIds the queue entries
 */
public record InboundQueued(List<Long> inboundIds) {

    public InboundQueued {
        inboundIds = List.copyOf(inboundIds);
    }
}
