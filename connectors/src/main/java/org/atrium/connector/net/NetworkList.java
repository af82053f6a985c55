package org.atrium.connector.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of {@link Cidr} networks, as an operator writes it in a setting: comma-separated, spaces allowed, e.g.
 * {@code 10.0.0.0/8, 192.168.1.0/24, 2001:db8::/32}. Empty contains nothing.
 *
 * @param networks the networks, in the order given
 */
public record NetworkList(List<Cidr> networks) {

    public static final NetworkList EMPTY = new NetworkList(List.of());

    public NetworkList {
        networks = List.copyOf(networks);
    }

    /**
     * @param text the setting's value; null or blank for none
     * @throws IllegalArgumentException naming the first entry that is not a network
     */
    public static NetworkList parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        List<Cidr> list = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                list.add(Cidr.parse(part));
            }
        }
        return new NetworkList(list);
    }

    public boolean contains(InetAddress address) {
        for (Cidr c : networks) {
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    @Override
    public String toString() {
        return String.join(", ", networks.stream().map(Cidr::toString).toList());
    }
}
