package org.atrium.connector.smtp.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.atrium.connector.dns.DnsResolvers;
import org.atrium.connector.smtp.client.RecipientResult.Outcome;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Where mail for a domain goes next (RFC 5321 §5.1): the administrator's route for it when there is one, else its MX
 * records in preference order (hosts of equal preference shuffled, to spread the load as §5.1 asks), each host's
 * IPv4 then IPv6 addresses; without MX records the domain's own addresses (the implicit MX); nothing for a null MX
 * (RFC 7505). At most {@link RelaySettings#maxHosts()} targets.
 *
 * <p>Failures carry a reply in the form the remote hosts' replies have ({@code code enhanced-code text}), so the
 * delivery agent treats both alike: a null MX is {@code 556 5.1.10}, a domain that does not exist {@code 550 5.1.2},
 * one without any address {@code 550 5.4.4}, a DNS failure or time-out {@code 451 4.4.3}. A route whose host cannot
 * be resolved is a temporary failure: it is the administrator's to fix, the mail should wait.
 *
 * <p>Look-ups go through {@link DnsResolvers} ({@code atrium.dns.servers}) with no shared cache, so a retry sees the
 * DNS as it is then.
 */
public final class MxResolver {

    /**
     * One address to try.
     *
     * @param host the MX or route host name (or the address literal of a route)
     * @param address its address
     * @param port the port
     */
    public record Target(String host, InetAddress address, int port) {

        /** {@code name [ip]}, as logs, DSNs and {@link DeliveryReport#remote()} show a host. */
        public String display() {
            return host + " [" + address.getHostAddress() + "]";
        }
    }

    /**
     * Targets in the order to try, or why there are none.
     *
     * @param targets empty when failed
     * @param failure TEMPORARY or PERMANENT when there is nothing to try, else null
     * @param reply the failure's reply, else null
     */
    public record Resolution(List<Target> targets, Outcome failure, String reply) {

        public Resolution {
            targets = List.copyOf(targets);
        }

        static Resolution of(List<Target> targets) {
            return new Resolution(targets, null, null);
        }

        static Resolution fail(Outcome outcome, String reply) {
            return new Resolution(List.of(), outcome, reply);
        }

        public boolean failed() {
            return failure != null;
        }
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Duration MAX_DNS_TIMEOUT = Duration.ofSeconds(10);

    private final Resolver resolver;
    private final RelaySettings settings;

    public MxResolver(RelaySettings settings) {
        this(DnsResolvers.resolver(settings.dnsServers(),
                settings.connectTimeout().compareTo(MAX_DNS_TIMEOUT) < 0 ? settings.connectTimeout()
                        : MAX_DNS_TIMEOUT), settings);
    }

    MxResolver(Resolver resolver, RelaySettings settings) {
        this.resolver = resolver;
        this.settings = settings;
    }

    /** Where mail for {@code domain} goes. */
    public Resolution resolve(String domain) {
        RelaySettings.Route route = settings.routeFor(domain);
        if (route != null) {
            return viaRoute(domain, route);
        }
        Name name;
        try {
            name = Name.fromString(domain, Name.root);
        } catch (TextParseException e) {
            return Resolution.fail(Outcome.PERMANENT, "550 5.1.2 \"" + domain + "\" is not a valid domain name");
        }
        Lookup mx = lookup(name, Type.MX);
        Record[] records = mx.run();
        switch (mx.getResult()) {
            case Lookup.HOST_NOT_FOUND:
                return Resolution.fail(Outcome.PERMANENT, "550 5.1.2 domain " + domain + " does not exist (NXDOMAIN)");
            case Lookup.TYPE_NOT_FOUND:
                return implicitMx(domain, name);
            case Lookup.SUCCESSFUL:
                return fromMx(domain, records);
            default:
                return Resolution.fail(Outcome.TEMPORARY, "451 4.4.3 DNS look-up of MX for " + domain
                        + " failed: " + mx.getErrorString());
        }
    }

    private Resolution viaRoute(String domain, RelaySettings.Route route) {
        String host = route.host();
        if (host.regionMatches(true, 0, "IPv6:", 0, 5)) {
            host = host.substring(5);
        }
        if (IPV4.matcher(host).matches() || host.indexOf(':') >= 0) {
            try {
                // A literal: getByName parses it without asking DNS.
                return Resolution.of(List.of(new Target(host, InetAddress.getByName(host), route.port())));
            } catch (UnknownHostException e) {
                return Resolution.fail(Outcome.TEMPORARY, "451 4.4.3 route for " + domain
                        + ": bad address literal " + host);
            }
        }
        Name name;
        try {
            name = Name.fromString(host, Name.root);
        } catch (TextParseException e) {
            return Resolution.fail(Outcome.TEMPORARY, "451 4.4.3 route for " + domain + ": bad host " + host);
        }
        Addresses a = addresses(name);
        if (a.list.isEmpty()) {
            return Resolution.fail(Outcome.TEMPORARY, "451 4.4.3 route for " + domain + ": no address for "
                    + host + (a.error != null ? " (" + a.error + ")" : ""));
        }
        List<Target> targets = new ArrayList<>();
        for (InetAddress address : a.list) {
            targets.add(new Target(host, address, route.port()));
        }
        return Resolution.of(limit(targets));
    }

    private Resolution implicitMx(String domain, Name name) {
        Addresses a = addresses(name);
        if (!a.list.isEmpty()) {
            List<Target> targets = new ArrayList<>();
            for (InetAddress address : a.list) {
                targets.add(new Target(domain, address, settings.defaultPort()));
            }
            return Resolution.of(limit(targets));
        }
        if (a.error != null) {
            return Resolution.fail(Outcome.TEMPORARY, "451 4.4.3 DNS look-up of the address of " + domain
                    + " failed: " + a.error);
        }
        return Resolution.fail(Outcome.PERMANENT, "550 5.4.4 domain " + domain + " has no MX and no address");
    }

    private Resolution fromMx(String domain, Record[] records) {
        List<MXRecord> mxs = new ArrayList<>();
        for (Record r : records) {
            if (r instanceof MXRecord m) {
                mxs.add(m);
            }
        }
        if (mxs.size() == 1 && mxs.get(0).getTarget().equals(Name.root)) {
            return Resolution.fail(Outcome.PERMANENT, "556 5.1.10 domain " + domain
                    + " does not accept mail (null MX, RFC 7505)");
        }
        Map<Integer, List<MXRecord>> byPreference = new java.util.TreeMap<>();
        for (MXRecord m : mxs) {
            if (!m.getTarget().equals(Name.root)) {
                byPreference.computeIfAbsent(m.getPriority(), k -> new ArrayList<>()).add(m);
            }
        }
        Map<String, Name> hosts = new LinkedHashMap<>();
        for (List<MXRecord> same : byPreference.values()) {
            Collections.shuffle(same);
            for (MXRecord m : same) {
                hosts.putIfAbsent(m.getTarget().toString(true).toLowerCase(java.util.Locale.ROOT), m.getTarget());
            }
        }
        List<Target> targets = new ArrayList<>();
        String error = null;
        for (Map.Entry<String, Name> host : hosts.entrySet()) {
            if (targets.size() >= settings.maxHosts()) {
                break;
            }
            Addresses a = addresses(host.getValue());
            for (InetAddress address : a.list) {
                targets.add(new Target(host.getKey(), address, settings.defaultPort()));
            }
            if (a.list.isEmpty() && a.error != null && error == null) {
                error = host.getKey() + ": " + a.error;
            }
        }
        if (!targets.isEmpty()) {
            return Resolution.of(limit(targets));
        }
        if (error != null) {
            return Resolution.fail(Outcome.TEMPORARY, "451 4.4.3 DNS look-up of the MX hosts of " + domain
                    + " failed: " + error);
        }
        return Resolution.fail(Outcome.PERMANENT, "550 5.4.4 no MX host of " + domain + " has an address");
    }

    private List<Target> limit(List<Target> targets) {
        return targets.size() <= settings.maxHosts() ? targets : List.copyOf(targets.subList(0, settings.maxHosts()));
    }

    /** Addresses found, and a temporary error if a look-up failed other than with NXDOMAIN/no data. */
    private record Addresses(List<InetAddress> list, String error) {
    }

    private Addresses addresses(Name name) {
        List<InetAddress> list = new ArrayList<>();
        String error = null;
        for (int type : new int[] {Type.A, Type.AAAA}) {
            Lookup l = lookup(name, type);
            Record[] records = l.run();
            int result = l.getResult();
            if (result == Lookup.SUCCESSFUL) {
                for (Record r : records) {
                    if (r instanceof ARecord a) {
                        list.add(a.getAddress());
                    } else if (r instanceof AAAARecord a) {
                        list.add(a.getAddress());
                    }
                }
            } else if (result == Lookup.TRY_AGAIN || result == Lookup.UNRECOVERABLE) {
                error = l.getErrorString();
            }
        }
        return new Addresses(list, error);
    }

    private Lookup lookup(Name name, int type) {
        Lookup l = new Lookup(name, type);
        l.setResolver(resolver);
        l.setCache(null);
        return l;
    }
}
