package org.atrium.connector.smtp.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The settings of the outbound SMTP client (issue #4), read from {@code atrium.*} system properties by
 * {@link #from(Function)}; every bad value is refused with the key's name.
 *
 * @param hostname the EHLO name ({@code atrium.hostname}, default {@code localhost})
 * @param routes static routes / smart hosts ({@code atrium.relay.routes}): destination domain (lower case) or
 *        {@code *} for everything else, to the next hop
 * @param defaultPort the port of routed and MX hosts ({@code atrium.relay.port}, default 25)
 * @param dnsServers {@code atrium.dns.servers}, empty for the system's resolvers
 * @param connectTimeout {@code atrium.relay.connect-timeout-seconds}, default 30
 * @param commandTimeout every reply but the one to the end of data ({@code atrium.relay.command-timeout-seconds},
 *        default 300: RFC 5321 §4.5.3.2 asks for 5 minutes for most replies)
 * @param dataTimeout the reply to the end of data ({@code atrium.relay.data-timeout-seconds}, default 600: RFC 5321
 *        §4.5.3.2.6 asks for 10 minutes)
 * @param startTls {@code atrium.relay.starttls}: {@code opportunistic} (default), {@code required} or {@code off}
 * @param tlsVerify {@code atrium.relay.tls-verify}, default false: opportunistic TLS does not verify certificates
 *        (RFC 7435 §1.3), it only keeps passive listeners out
 * @param maxHosts next-hop addresses tried per attempt ({@code atrium.relay.max-hosts}, default 5)
 * @param ownSmtpPort our own SMTP port ({@code atrium.smtp.port}, default 2525): a next hop that is one of this
 *        machine's addresses on this port would be ourselves (mail loops back to myself)
 */
public record RelaySettings(String hostname, Map<String, Route> routes, int defaultPort, String dnsServers,
        Duration connectTimeout, Duration commandTimeout, Duration dataTimeout, StartTls startTls,
        boolean tlsVerify, int maxHosts, int ownSmtpPort) {

    /** When STARTTLS (RFC 3207) is used. */
    public enum StartTls {
        /** Whenever the next hop offers it; a failed handshake is retried once in plain text. */
        OPPORTUNISTIC,
        /** Always; a next hop without it, or whose handshake fails, is a temporary failure. */
        REQUIRED,
        /** Never. */
        OFF
    }

    /**
     * A next hop named by a route.
     *
     * @param host an address literal (IPv4 or IPv6, without brackets) or a host name
     * @param port the port
     * @param literal whether the route had the host in brackets ({@code [host]}): used as is, no MX look-up
     */
    public record Route(String host, int port, boolean literal) {
    }

    public static final String HOSTNAME = "atrium.hostname";
    public static final String ROUTES = "atrium.relay.routes";
    public static final String PORT = "atrium.relay.port";
    public static final String CONNECT_TIMEOUT = "atrium.relay.connect-timeout-seconds";
    public static final String COMMAND_TIMEOUT = "atrium.relay.command-timeout-seconds";
    public static final String DATA_TIMEOUT = "atrium.relay.data-timeout-seconds";
    public static final String STARTTLS = "atrium.relay.starttls";
    public static final String TLS_VERIFY = "atrium.relay.tls-verify";
    public static final String MAX_HOSTS = "atrium.relay.max-hosts";
    public static final String SMTP_PORT = "atrium.smtp.port";
    /** The key that matches every domain no other route names. */
    public static final String ANY = "*";

    public RelaySettings {
        Objects.requireNonNull(hostname, "hostname");
        routes = Map.copyOf(routes);
        dnsServers = dnsServers == null ? "" : dnsServers;
        Objects.requireNonNull(startTls, "startTls");
        if (maxHosts < 1 || defaultPort < 1 || defaultPort > 65535) {
            throw new IllegalArgumentException("maxHosts and defaultPort must be positive");
        }
    }

    /**
     * Reads the settings.
     *
     * @param lookup a key's value or null, e.g. {@code System::getProperty}
     * @throws IllegalArgumentException naming the key whose value is bad
     */
    public static RelaySettings from(Function<String, String> lookup) {
        String hostname = value(lookup, HOSTNAME, "localhost");
        if (hostname.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException(HOSTNAME + ": not a host name: \"" + hostname + "\"");
        }
        int port = port(lookup, PORT, 25);
        Map<String, Route> routes = routes(value(lookup, ROUTES, ""), port);
        String dns = value(lookup, "atrium.dns.servers", "");
        Duration connect = Duration.ofSeconds(positive(lookup, CONNECT_TIMEOUT, 30));
        Duration command = Duration.ofSeconds(positive(lookup, COMMAND_TIMEOUT, 300));
        Duration data = Duration.ofSeconds(positive(lookup, DATA_TIMEOUT, 600));
        String tls = value(lookup, STARTTLS, "opportunistic");
        StartTls startTls;
        try {
            startTls = StartTls.valueOf(tls.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(STARTTLS + ": expected opportunistic, required or off, not \""
                    + tls + "\"");
        }
        String verify = value(lookup, TLS_VERIFY, "false");
        if (!verify.equalsIgnoreCase("true") && !verify.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(TLS_VERIFY + ": expected true or false, not \"" + verify + "\"");
        }
        int maxHosts = positive(lookup, MAX_HOSTS, 5);
        int ownPort = port(lookup, SMTP_PORT, 2525);
        return new RelaySettings(hostname, routes, port, dns, connect, command, data, startTls,
                Boolean.parseBoolean(verify), maxHosts, ownPort);
    }

    /** The route for {@code domain}: its own, else {@code *}, else null (MX look-up). */
    public Route routeFor(String domain) {
        Route r = routes.get(domain.toLowerCase(Locale.ROOT));
        return r != null ? r : routes.get(ANY);
    }

    /**
     * Parses {@code domain=host[:port], ...}; host is {@code [literal-or-name]} or a name; IPv6 only in brackets.
     */
    static Map<String, Route> routes(String value, int defaultPort) {
        Map<String, Route> routes = new LinkedHashMap<>();
        if (value.isBlank()) {
            return routes;
        }
        for (String entry : value.split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException(ROUTES + ": expected domain=host[:port], not \"" + entry + "\"");
            }
            String domain = entry.substring(0, eq).toLowerCase(Locale.ROOT);
            String target = entry.substring(eq + 1);
            String host;
            String rest;
            boolean literal = target.startsWith("[");
            if (literal) {
                int close = target.indexOf(']');
                if (close < 2) {
                    throw new IllegalArgumentException(ROUTES + ": missing ']' or empty host in \"" + entry + "\"");
                }
                host = target.substring(1, close);
                rest = target.substring(close + 1);
            } else {
                int colon = target.indexOf(':');
                host = colon < 0 ? target : target.substring(0, colon);
                rest = colon < 0 ? "" : target.substring(colon);
            }
            int port = defaultPort;
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException(ROUTES + ": expected :port after the host in \"" + entry
                            + "\"");
                }
                port = parsePort(ROUTES, rest.substring(1));
            }
            if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c > '~' || c == '[' || c == ']')) {
                throw new IllegalArgumentException(ROUTES + ": bad host in \"" + entry + "\"");
            }
            if (routes.put(domain, new Route(host, port, literal)) != null) {
                throw new IllegalArgumentException(ROUTES + ": \"" + domain + "\" is routed twice");
            }
        }
        return routes;
    }

    private static String value(Function<String, String> lookup, String key, String dflt) {
        String v = lookup.apply(key);
        return v == null || v.isBlank() ? dflt : v.strip();
    }

    private static int positive(Function<String, String> lookup, String key, int dflt) {
        String v = value(lookup, key, Integer.toString(dflt));
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected a positive whole number, not \"" + v + "\"");
        }
    }

    private static int port(Function<String, String> lookup, String key, int dflt) {
        return parsePort(key, value(lookup, key, Integer.toString(dflt)));
    }

    private static int parsePort(String key, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > 65535) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected a port 1-65535, not \"" + v + "\"");
        }
    }
}
