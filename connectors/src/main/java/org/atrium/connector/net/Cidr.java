package org.atrium.connector.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * One IPv4 or IPv6 network in CIDR notation (RFC 4632 §3.1, RFC 4291 §2.3), e.g. {@code 10.0.0.0/8} or
 * {@code 2001:db8::/32}; a bare address is a network of that one host. The JDK has no such type and Netty's
 * {@code IpSubnetFilterRule} answers accept/reject rather than membership, so this small value type is ours.
 *
 * <p>Invariants: {@code network} holds the address with every bit after the prefix cleared (so {@code 10.1.2.3/8}
 * equals {@code 10.0.0.0/8}); an IPv4 network never contains an IPv6 address and vice versa, except that an
 * IPv4-mapped IPv6 address ({@code ::ffff:10.1.2.3}), which {@link InetAddress} already turns into IPv4, matches.
 *
 * @param network the network address, 4 or 16 octets, host bits zero
 * @param prefix the prefix length, 0..32 or 0..128
 */
public record Cidr(byte[] network, int prefix) {

    public Cidr {
        network = network.clone();
        if (network.length != 4 && network.length != 16 || prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("bad network: " + network.length + " octets /" + prefix);
        }
        mask(network, prefix);
    }

    /**
     * Parses {@code address[/prefix]}; the address must be a literal (no name is ever looked up).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Cidr parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        byte[] octets = literal(address);
        int prefix = octets.length * 8;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("bad prefix length in " + text);
            }
            prefix = Integer.parseInt(p);
            if (prefix > octets.length * 8) {
                throw new IllegalArgumentException("prefix length too long in " + text);
            }
        }
        return new Cidr(octets, prefix);
    }

    /** Whether {@code address} lies in this network. */
    public boolean contains(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            return false;
        }
        mask(a, prefix);
        return Arrays.equals(a, network);
    }

    private static void mask(byte[] octets, int prefix) {
        for (int i = 0; i < octets.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            octets[i] &= (byte) (0xFF << (8 - bits));
        }
    }

    /** IPv4 dotted quad or IPv6 text; {@link InetAddress#getByName} is only called on what is surely a literal. */
    private static byte[] literal(String address) {
        boolean v4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = address.indexOf(':') >= 0 && address.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            throw new IllegalArgumentException("not an IP address literal: " + address);
        }
        try {
            byte[] octets = InetAddress.getByName(address).getAddress();
            if (v6 && octets.length == 4) {
                throw new IllegalArgumentException("write IPv4-mapped networks as IPv4: " + address);
            }
            return octets;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + address, e);
        }
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && prefix == c.prefix && Arrays.equals(network, c.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
