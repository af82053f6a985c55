package org.atrium.connector.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.atrium.connector.dns.DnsResolvers;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * DNS block lists (RFC 5782): a client address is listed in a zone when {@code <reversed address>.<zone>} has an A
 * record in {@code 127.0.0.0/8} (§2.1 IPv4: the octets reversed; §2.4 IPv6: the 32 nibbles reversed). Only the MX
 * listener asks: submission clients authenticate, and many sit on dial-up ranges the lists name.
 *
 * <p>Fail open: a look-up that fails or times out counts as not listed (logged by the caller), since a DNS outage must
 * not stop all inbound mail. Loopback addresses are never looked up. Look-ups block, so they run on the session's
 * worker thread, never on an event loop.
 */
public final class Dnsbl {

    /** Answers the A records of one name; empty when the name does not exist. Throws when the look-up fails. */
    @FunctionalInterface
    public interface Lookup {
        List<InetAddress> addresses(String name) throws IOException;
    }

    /** The outcome for one client. */
    public record Verdict(String listedIn, List<String> failedZones) {
        public boolean listed() {
            return listedIn != null;
        }
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final List<String> zones;
    private final Lookup lookup;

    /**
     * @param zones the zones to ask, in order; empty turns the check off
     * @param lookup how to ask the DNS; see {@link #dnsLookup(String, Duration)}
     */
    public Dnsbl(List<String> zones, Lookup lookup) {
        this.zones = List.copyOf(zones);
        this.lookup = lookup;
    }

    public static Dnsbl off() {
        return new Dnsbl(List.of(), name -> List.of());
    }

    public boolean enabled() {
        return !zones.isEmpty();
    }

    /** Asks each zone in turn and stops at the first that lists {@code client}. */
    public Verdict check(InetAddress client) {
        if (zones.isEmpty() || client == null || client.isLoopbackAddress()) {
            return new Verdict(null, List.of());
        }
        String reversed = reversed(client);
        List<String> failed = new ArrayList<>();
        for (String zone : zones) {
            try {
                for (InetAddress a : lookup.addresses(reversed + "." + zone)) {
                    byte[] b = a.getAddress();
                    if (b.length == 4 && b[0] == 127) {
                        return new Verdict(zone, List.copyOf(failed));
                    }
                }
            } catch (IOException | RuntimeException e) {
                failed.add(zone);
            }
        }
        return new Verdict(null, List.copyOf(failed));
    }

    /** RFC 5782 §2.1 and §2.4: {@code 4.3.2.1} for 1.2.3.4; 32 dot-separated nibbles, lowest first, for IPv6. */
    static String reversed(InetAddress address) {
        byte[] b = address.getAddress();
        StringBuilder sb = new StringBuilder();
        for (int i = b.length - 1; i >= 0; i--) {
            if (b.length == 4) {
                sb.append(b[i] & 0xFF);
            } else {
                sb.append(Character.forDigit(b[i] & 0x0F, 16)).append('.')
                        .append(Character.forDigit((b[i] >> 4) & 0x0F, 16));
            }
            if (i > 0) {
                sb.append('.');
            }
        }
        return sb.toString();
    }

    /**
     * The look-up through Atrium's resolver ({@link DnsResolvers}, {@code atrium.dns.servers}): NXDOMAIN and NOERROR
     * without A records are "not listed"; any other rcode, or no answer in time, is a failure.
     */
    public static Lookup dnsLookup(String servers, Duration timeout) {
        Resolver resolver = DnsResolvers.resolver(servers, timeout);
        return name -> {
            Message query = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), Type.A, DClass.IN));
            Message response = resolver.send(query);
            int rcode = response.getRcode();
            if (rcode == Rcode.NXDOMAIN) {
                return List.of();
            }
            if (rcode != Rcode.NOERROR) {
                throw new IOException("DNS rcode " + Rcode.string(rcode) + " for " + name);
            }
            List<InetAddress> out = new ArrayList<>();
            for (Record r : response.getSection(Section.ANSWER)) {
                if (r instanceof ARecord a) {
                    out.add(a.getAddress());
                }
            }
            return out;
        };
    }

    /** Parses the setting: comma-separated zone names, blank for none. */
    public static List<String> zones(String setting) {
        List<String> out = new ArrayList<>();
        if (setting != null) {
            for (String z : setting.split(",")) {
                String zone = z.strip();
                while (zone.endsWith(".")) {
                    zone = zone.substring(0, zone.length() - 1);
                }
                if (!zone.isEmpty()) {
                    out.add(zone);
                }
            }
        }
        return out;
    }

}
