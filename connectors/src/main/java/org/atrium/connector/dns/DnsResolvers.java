package org.atrium.connector.dns;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;

/**
 * The DNS resolver every look-up of Atrium's goes through (MX routing, DNSBL, SPF, DKIM; issue #4), built from the
 * {@code atrium.dns.servers} setting: a comma-separated list of {@code host} or {@code host:port} (IPv6 as
 * {@code [addr]:port}); empty means the system's resolvers. Tests point it at a DNS server of their own on loopback.
 */
public final class DnsResolvers {

    /** The setting that names the servers. */
    public static final String SETTING = "atrium.dns.servers";

    private DnsResolvers() {
    }

    /**
     * @param servers the setting's value, null or blank for the system's resolvers
     * @param timeout how long one query may take
     */
    public static Resolver resolver(String servers, Duration timeout) {
        try {
            Resolver r;
            if (servers == null || servers.isBlank()) {
                r = new ExtendedResolver();
            } else {
                List<Resolver> each = new ArrayList<>();
                for (String s : servers.split(",")) {
                    InetSocketAddress a = parse(s.trim());
                    SimpleResolver one = new SimpleResolver(a.getAddress());
                    one.setPort(a.getPort());
                    each.add(one);
                }
                r = each.size() == 1 ? each.get(0) : new ExtendedResolver(each);
            }
            r.setTimeout(timeout);
            return r;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(SETTING + ": unknown DNS server in \"" + servers + "\"", e);
        }
    }

    /** {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}; the port defaults to 53. */
    static InetSocketAddress parse(String s) throws UnknownHostException {
        String host = s;
        int port = 53;
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException(SETTING + ": missing ']' in " + s);
            }
            host = s.substring(1, end);
            if (s.length() > end + 1 && s.charAt(end + 1) == ':') {
                port = Integer.parseInt(s.substring(end + 2));
            }
        } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = Integer.parseInt(s.substring(s.indexOf(':') + 1));
        }
        return new InetSocketAddress(java.net.InetAddress.getByName(host), port);
    }
}
