package org.atrium.connector.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** CIDR parsing and membership (RFC 4632 §3.1, RFC 4291 §2.3). */
class NetworkListTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void ipv4Networks() {
        NetworkList list = NetworkList.parse(" 10.0.0.0/8, 192.168.1.0/24 ,203.0.113.7");
        assertEquals(3, list.networks().size());
        assertTrue(list.contains(ip("10.255.1.2")));
        assertTrue(list.contains(ip("192.168.1.200")));
        assertFalse(list.contains(ip("192.168.2.1")));
        assertTrue(list.contains(ip("203.0.113.7")));
        assertFalse(list.contains(ip("203.0.113.8")));
        assertFalse(list.contains(ip("127.0.0.1")));
        assertFalse(list.contains(ip("11.0.0.1")));
        assertFalse(list.contains(null));
    }

    @Test
    void hostBitsAreClearedAndOddPrefixesWork() {
        assertEquals(Cidr.parse("10.0.0.0/8"), Cidr.parse("10.1.2.3/8"));
        assertEquals("10.0.0.0/8", Cidr.parse("10.1.2.3/8").toString());
        Cidr c = Cidr.parse("172.16.0.0/12");
        assertTrue(c.contains(ip("172.31.255.255")));
        assertFalse(c.contains(ip("172.32.0.0")));
        assertTrue(Cidr.parse("0.0.0.0/0").contains(ip("198.51.100.1")));
        assertFalse(Cidr.parse("0.0.0.0/0").contains(ip("2001:db8::1")), "an IPv4 network holds no IPv6 address");
    }

    @Test
    void ipv6Networks() {
        NetworkList list = NetworkList.parse("2001:db8::/32, ::1");
        assertTrue(list.contains(ip("2001:db8:ffff::1")));
        assertFalse(list.contains(ip("2001:db9::1")));
        assertTrue(list.contains(ip("::1")));
        assertFalse(list.contains(ip("10.0.0.1")));
        assertTrue(Cidr.parse("fe80::/10").contains(ip("febf::1")));
        assertFalse(Cidr.parse("fe80::/10").contains(ip("fec0::1")));
    }

    @Test
    void ipv4MappedAddressesMatchIpv4Networks() {
        assertTrue(NetworkList.parse("10.0.0.0/8").contains(ip("::ffff:10.1.2.3")));
    }

    @Test
    void emptyAndBlankMeanNothing() {
        assertTrue(NetworkList.parse(null).isEmpty());
        assertTrue(NetworkList.parse("  ").isEmpty());
        assertFalse(NetworkList.parse("").contains(ip("127.0.0.1")));
    }

    @Test
    void malformedEntriesAreRefusedNotLookedUp() {
        for (String bad : new String[] {"10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/x", "example.org",
                "localhost/8", "10.0.0/8", "300.0.0.0/8", "10.0.0.0/-1", "::ffff:10.0.0.0/104"}) {
            assertThrows(IllegalArgumentException.class, () -> NetworkList.parse(bad), bad);
        }
    }
}
