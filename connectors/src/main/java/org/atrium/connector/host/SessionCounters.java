package org.atrium.connector.host;

import io.netty.channel.Channel;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open connections per listener ({@code smtp}, {@code submission}, {@code imaps}, ...), for the status endpoint
 * (issue #6). {@link ConnectorHost} tracks every accepted channel: counted when it is initialised, uncounted once
 * when it closes, however it closes. Lock-free; one instance per application (a container singleton, not a static,
 * so a redeployment starts from zero).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionCounters {

    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

    /** Counts {@code channel} under {@code protocol} until it closes. */
    public void track(String protocol, Channel channel) {
        AtomicInteger n = open.computeIfAbsent(protocol, p -> new AtomicInteger());
        n.incrementAndGet();
        channel.closeFuture().addListener(f -> n.decrementAndGet());
    }

    /** Open connections by protocol, in name order; a protocol that never had one is absent. */
    public Map<String, Integer> active() {
        Map<String, Integer> out = new TreeMap<>();
        open.forEach((p, n) -> out.put(p, n.get()));
        return out;
    }
}
