package org.atrium.connector.imap;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.atrium.connector.imap.port.ImapMailStore;
import org.atrium.connector.net.ConnectionInfo;
import org.atrium.connector.net.ProtocolSession;
import org.atrium.connector.net.SessionFactory;
import org.atrium.connector.net.SessionOutput;

/**
 * Creates an {@link ImapSession} (RFC 3501) per accepted connection. The processor registry, the parsers and the
 * capability list are built once here and shared: processors are stateless, so one instance of each serves every
 * session.
 *
 * <p>Invariants: one processor per command name; the capability list is derived from the registered names
 * ({@link ImapCapabilities}), so nothing is advertised without its processor.
 */
public final class ImapSessionFactory implements SessionFactory {

    /** What every session shares. */
    record Registry(Map<String, ImapProcessor<?>> processors, ImapCommandParsers parsers, List<String> capabilities,
            ImapRequestLimits limits) {
    }

    private final ImapMailStore store;
    private final ImapSettings settings;
    private final Clock clock;
    private final Registry registry;

    public ImapSessionFactory(ImapMailStore store, ImapSettings settings, Clock clock) {
        this(store, settings, clock, List.of());
    }

    /**
     * With some processors replaced, for tests of the framework: every command the parsers know already has a
     * processor, so a test processor stands in for one of them (at most one replacement per name).
     */
    ImapSessionFactory(ImapMailStore store, ImapSettings settings, Clock clock, List<ImapProcessor<?>> replacements) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        List<ImapProcessor<?>> all = new ArrayList<>(SessionProcessors.all());
        all.addAll(MessageProcessors.all());
        Map<String, ImapProcessor<?>> byName = new HashMap<>();
        for (ImapProcessor<?> p : all) {
            if (byName.put(p.name(), p) != null) {
                throw new IllegalStateException("two processors for " + p.name());
            }
        }
        Map<String, ImapProcessor<?>> replaced = new HashMap<>();
        for (ImapProcessor<?> p : replacements) {
            if (replaced.put(p.name(), p) != null) {
                throw new IllegalStateException("two replacement processors for " + p.name());
            }
        }
        byName.putAll(replaced);
        ImapRequestLimits limits = settings.requestLimits();
        this.registry = new Registry(Map.copyOf(byName), new ImapCommandParsers(limits),
                ImapCapabilities.of(byName.keySet(), settings), limits);
    }

    /** The upper-case names of the commands with a processor. */
    public java.util.Set<String> commands() {
        return registry.processors().keySet();
    }

    /** The capabilities advertised (RFC 3501 §7.2.1). */
    public List<String> capabilities() {
        return registry.capabilities();
    }

    @Override
    public ProtocolSession create(ConnectionInfo connection, SessionOutput output) {
        return new ImapSession(connection, output, store, settings, clock, registry);
    }
}
