package org.atrium.store.application;

import java.util.List;

/**
 * CDI event: outbound queue entries became due inside a transaction (new entries, retry now); observed after commit
 * to wake the outbound delivery agent (the outbound sweep is the fallback when that is lost, ADR 0010).
 *
 * @param outboundIds the entries' row ids
 */
public record OutboundQueued(List<Long> outboundIds) {

    public OutboundQueued {
        outboundIds = List.copyOf(outboundIds);
    }
}
