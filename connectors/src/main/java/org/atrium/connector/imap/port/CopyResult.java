package org.atrium.connector.imap.port;

import java.util.List;

/**
 * Where COPY/MOVE filed the messages (RFC 4315 §3 COPYUID): {@code sourceUids.get(i)} became
 * {@code targetUids.get(i)}. Messages gone meanwhile are in neither list.
 */
public record CopyResult(long uidValidity, List<Long> sourceUids, List<Long> targetUids) {

    public CopyResult {
        sourceUids = List.copyOf(sourceUids);
        targetUids = List.copyOf(targetUids);
    }
}
