package org.atrium.connector.smtp;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The trace fields an SMTP server prepends to a message it takes (RFC 5321 §4.4, RFC 5322 §3.6.7): a
 * {@code Return-Path} carrying the reverse-path, and a {@code Received} line folded after each clause so that no line
 * comes near the 78-character recommendation of RFC 5322 §2.1.1 for common names:
 *
 * <pre>
 * Received: from client.example ([192.0.2.1])
 *         by mx.atrium.test (Atrium) with ESMTP id s1.1
 *         for &lt;alice@atrium.test&gt;; Tue, 2 Jan 2024 03:04:05 +0000
 * </pre>
 *
 * Every value put in comes from a grammar that excludes CR, LF and controls (validated HELO name, IP address,
 * {@link SmtpPath}), so no header can be injected. The "for" clause names only a single recipient: with several, it
 * would disclose the other (Bcc) recipients to each of them.
 */
final class TraceHeaders {

    /** RFC 5322 §3.3 date-time with a numeric zone ("GMT" is obsolete syntax). */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
            Locale.US);

    private TraceHeaders() {
    }

    /**
     * @param heloName what the client said in EHLO/HELO
     * @param clientIp the client's IP as {@link org.atrium.connector.net.ConnectionInfo#remoteIp()} gives it
     * @param host this server's name
     * @param protocol the "with" keyword: SMTP, ESMTP, or the RFC 3848 variants ESMTPS/ESMTPA/ESMTPSA
     * @param id the id tying this message to the session log
     * @param singleRecipient the forward-path, only when there is exactly one recipient; else null
     * @param reversePath the MAIL FROM path, empty for {@code <>}
     */
    static byte[] render(String heloName, String clientIp, String host, String protocol, String id,
            String singleRecipient, String reversePath, ZonedDateTime when) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("Return-Path: <").append(reversePath).append(">\r\n");
        sb.append("Received: from ").append(heloName).append(" ([").append(addressLiteral(clientIp)).append("])\r\n");
        sb.append("\tby ").append(host).append(" (Atrium) with ").append(protocol).append(" id ").append(id);
        if (singleRecipient != null) {
            sb.append("\r\n\tfor <").append(singleRecipient).append('>');
        }
        sb.append(";\r\n\t").append(DATE.format(when)).append("\r\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** RFC 5321 §4.1.3: an IPv6 address is written {@code IPv6:...} inside the brackets; a zone id is dropped. */
    static String addressLiteral(String ip) {
        String plain = ip.startsWith("IPv6:") ? ip.substring(5) : ip;
        int zone = plain.indexOf('%');
        if (zone >= 0) {
            plain = plain.substring(0, zone);
        }
        return plain.indexOf(':') >= 0 ? "IPv6:" + plain : plain;
    }
}
