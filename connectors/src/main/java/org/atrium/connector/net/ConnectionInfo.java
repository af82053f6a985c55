package org.atrium.connector.net;

import java.net.InetSocketAddress;

/**
 * What a session knows of its connection.
 *
 * @param remote the client's address, used in logs and trace headers
 * @param local the address the client connected to
 * @param serverName this server's host name as announced in greetings
 * @param secure whether the connection is encrypted (TLS)
 * @param sessionId a short id that ties together the log lines of one connection
 */
public record ConnectionInfo(InetSocketAddress remote, InetSocketAddress local, String serverName, boolean secure,
        String sessionId) {

    /** The same connection once STARTTLS has switched it to TLS. */
    public ConnectionInfo secured() {
        return new ConnectionInfo(remote, local, serverName, true, sessionId);
    }

    /** The remote address as logs and Received headers print it: {@code 192.0.2.1} or {@code IPv6:2001:db8::1}. */
    public String remoteIp() {
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    /**
     * The start of every operator log line of a session, the same for all protocols so that one filter finds a
     * connection: {@code imap session=s1 ip=192.0.2.1 tls=no}.
     */
    public String logPrefix(String protocol) {
        return protocol + " session=" + sessionId + " ip=" + remoteIp() + " tls=" + (secure ? "yes" : "no");
    }
}
