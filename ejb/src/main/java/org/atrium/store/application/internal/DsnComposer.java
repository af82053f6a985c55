package org.atrium.store.application.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds delivery status notifications (RFC 3464): a {@code multipart/report; report-type=delivery-status}
 * (RFC 6522) with a human-readable part, the {@code message/delivery-status} part, and the original message
 * ({@code message/rfc822}) or only its header section ({@code text/rfc822-headers}) when the sender asked for
 * RET=HDRS (RFC 3461 §4.3) or the message is larger than the cap. Pure: no clock, no I/O.
 *
 * <p>The DSN comes from {@code MAILER-DAEMON@<hostname>} and is marked {@code Auto-Submitted: auto-replied}
 * (RFC 3834 §5); the caller sends it with the null reverse-path (RFC 3461 §6.2) so that it is never answered by
 * another DSN.
 */
final class DsnComposer {

    /** The largest original returned whole; above it only its header section is returned. */
    static final int MAX_RETURNED = 2 * 1024 * 1024;

    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern ENHANCED = Pattern.compile("^[245][0-9][0-9][ -]([245]\\.[0-9]{1,3}\\.[0-9]{1,3})\\b");
    private static final Pattern BARE = Pattern.compile("^([245]\\.[0-9]{1,3}\\.[0-9]{1,3})\\b");
    private static final Pattern BASIC = Pattern.compile("^([245])[0-9][0-9]\\b");

    /** RFC 3464 §2.3.3. */
    enum Action { FAILED, DELAYED, DELIVERED, RELAYED }

    /**
     * One recipient's part of the report (RFC 3464 §2.3).
     *
     * @param address the Final-Recipient (an RFC 5321 mailbox)
     * @param orcpt the ORCPT= the client gave ({@code addr-type ";" xtext}), or null
     * @param status the RFC 3463 status code
     * @param remoteMta the host that decided, or null
     * @param diagnostic the remote SMTP reply, or null when there was none (a local decision)
     * @param reason a sentence for the human-readable part
     * @param lastAttempt when the last attempt was made, or null
     * @param willRetryUntil for DELAYED: when the queue gives up, else null
     */
    record Recipient(String address, String orcpt, Action action, String status, String remoteMta, String diagnostic,
            String reason, Instant lastAttempt, Instant willRetryUntil) {
    }

    /**
     * What the report is about.
     *
     * @param reportingMta this server's host name
     * @param reversePath the original sender, the DSN's recipient (never "")
     * @param envid ENVID (xtext) or null
     * @param ret RET (FULL, HDRS) or null
     * @param arrival when the message arrived here
     * @param queueId the queue id, for the sender's and the postmaster's reference
     * @param now the DSN's date
     */
    record Report(String reportingMta, String reversePath, String envid, String ret, Instant arrival,
            String queueId, List<Recipient> recipients, Instant now) {

        Report {
            recipients = List.copyOf(recipients);
            if (recipients.isEmpty()) {
                throw new IllegalArgumentException("a DSN reports on at least one recipient");
            }
            if (reversePath == null || reversePath.isEmpty()) {
                throw new IllegalArgumentException("no DSN for the null reverse-path (RFC 3461 §6.2)");
            }
        }
    }

    private DsnComposer() {
    }

    /**
     * @param original the original message, or its first bytes when it is longer ({@code truncated})
     * @param truncated whether {@code original} is only a prefix of the message (only its header section is
     *        returned then)
     */
    static byte[] compose(Report report, byte[] original, boolean truncated) {
        String boundary = "=_atrium_dsn_" + UUID.randomUUID().toString().replace("-", "");
        String host = report.reportingMta();
        StringBuilder h = new StringBuilder();
        h.append("From: Mail Delivery System <MAILER-DAEMON@").append(host).append(">\r\n");
        h.append("To: <").append(clean(report.reversePath())).append(">\r\n");
        h.append("Subject: ").append(subject(report)).append("\r\n");
        h.append("Date: ").append(DATE.format(report.now())).append("\r\n");
        h.append("Message-ID: <").append(UUID.randomUUID()).append('@').append(host).append(">\r\n");
        h.append("Auto-Submitted: auto-replied\r\n");
        h.append("MIME-Version: 1.0\r\n");
        h.append("Content-Type: multipart/report; report-type=delivery-status;\r\n boundary=\"").append(boundary)
                .append("\"\r\n\r\n");
        h.append("This is a MIME-encapsulated message.\r\n\r\n");

        h.append("--").append(boundary).append("\r\n");
        h.append("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
        h.append(human(report));

        h.append("\r\n--").append(boundary).append("\r\n");
        h.append("Content-Type: message/delivery-status\r\n\r\n");
        h.append(status(report));

        boolean headersOnly = truncated || "HDRS".equalsIgnoreCase(report.ret()) || original.length > MAX_RETURNED;
        h.append("\r\n--").append(boundary).append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(h.length() + original.length + 256);
        byte[] body = headersOnly ? headerSection(original) : original;
        h.append(headersOnly ? "Content-Type: text/rfc822-headers\r\n" : "Content-Type: message/rfc822\r\n");
        if (eightBit(body)) {
            h.append("Content-Transfer-Encoding: 8bit\r\n");
        }
        h.append("\r\n");
        out.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        if (body.length > 0 && body[body.length - 1] != '\n') {
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String subject(Report r) {
        boolean failed = r.recipients().stream().anyMatch(x -> x.action() == Action.FAILED);
        boolean delayed = r.recipients().stream().anyMatch(x -> x.action() == Action.DELAYED);
        if (failed) {
            return "Undelivered Mail Returned to Sender";
        }
        return delayed ? "Delayed Mail (still being retried)" : "Successful Mail Delivery Report";
    }

    private static String human(Report r) {
        StringBuilder b = new StringBuilder();
        b.append("This is the mail system at host ").append(r.reportingMta()).append(".\r\n\r\n");
        for (Action a : Action.values()) {
            List<Recipient> these = r.recipients().stream().filter(x -> x.action() == a).toList();
            if (these.isEmpty()) {
                continue;
            }
            b.append(switch (a) {
                case FAILED -> "Your message could not be delivered to the following recipients:";
                case DELAYED -> "Your message has not been delivered yet to the following recipients. The mail "
                        + "system will keep trying; you need not send it again.";
                case DELIVERED -> "Your message was delivered to the following recipients:";
                case RELAYED -> "Your message was passed on to the following recipients' mail systems, which do "
                        + "not report on delivery:";
            }).append("\r\n\r\n");
            for (Recipient x : these) {
                b.append("  <").append(clean(x.address())).append(">");
                if (x.reason() != null) {
                    b.append(": ").append(clean(x.reason()));
                }
                b.append("\r\n");
                if (x.willRetryUntil() != null) {
                    b.append("    (retried until ").append(DATE.format(x.willRetryUntil())).append(")\r\n");
                }
            }
            b.append("\r\n");
        }
        b.append("Queue id: ").append(r.queueId()).append("\r\n");
        return b.toString();
    }

    /** The message/delivery-status body: per-message fields, then one block per recipient (RFC 3464 §2.1). */
    private static String status(Report r) {
        StringBuilder b = new StringBuilder();
        b.append("Reporting-MTA: dns; ").append(r.reportingMta()).append("\r\n");
        if (r.envid() != null) {
            b.append("Original-Envelope-Id: ").append(clean(Xtext.decode(r.envid()))).append("\r\n");
        }
        b.append("Arrival-Date: ").append(DATE.format(r.arrival())).append("\r\n");
        for (Recipient x : r.recipients()) {
            b.append("\r\n");
            if (x.orcpt() != null && x.orcpt().indexOf(';') > 0) {
                int semi = x.orcpt().indexOf(';');
                b.append("Original-Recipient: ").append(clean(x.orcpt().substring(0, semi).trim())).append(';')
                        .append(clean(Xtext.decode(x.orcpt().substring(semi + 1).trim()))).append("\r\n");
            }
            b.append("Final-Recipient: rfc822; ").append(clean(x.address())).append("\r\n");
            b.append("Action: ").append(x.action().name().toLowerCase(Locale.ROOT)).append("\r\n");
            b.append("Status: ").append(x.status()).append("\r\n");
            if (x.remoteMta() != null) {
                b.append("Remote-MTA: dns; ").append(clean(hostOnly(x.remoteMta()))).append("\r\n");
            }
            if (x.diagnostic() != null) {
                b.append("Diagnostic-Code: smtp; ").append(clean(x.diagnostic())).append("\r\n");
            }
            if (x.lastAttempt() != null) {
                b.append("Last-Attempt-Date: ").append(DATE.format(x.lastAttempt())).append("\r\n");
            }
            if (x.willRetryUntil() != null) {
                b.append("Will-Retry-Until: ").append(DATE.format(x.willRetryUntil())).append("\r\n");
            }
        }
        return b.toString();
    }

    /**
     * The status code a reply stands for (RFC 3463): its enhanced code when it has one, else class.0.0 from the
     * basic code, else {@code fallback}.
     */
    static String statusOf(String reply, String fallback) {
        if (reply != null) {
            Matcher m = ENHANCED.matcher(reply);
            if (m.find()) {
                return m.group(1);
            }
            m = BASIC.matcher(reply);
            if (m.find()) {
                return m.group(1) + ".0.0";
            }
            m = BARE.matcher(reply);
            if (m.find()) {
                return m.group(1);
            }
        }
        return fallback;
    }

    /** Whether {@code reply} is an SMTP reply (three digits first), which goes into Diagnostic-Code. */
    static boolean isSmtpReply(String reply) {
        return reply != null && BASIC.matcher(reply).find();
    }

    /** "mx.example.org [192.0.2.1]" → "mx.example.org". */
    private static String hostOnly(String remote) {
        int sp = remote.indexOf(' ');
        return sp > 0 ? remote.substring(0, sp) : remote;
    }

    /** One line, no control characters, at most 900 characters (RFC 5322 §2.1.1 line limit with room). */
    private static String clean(String s) {
        String one = s.replaceAll("[\\x00-\\x1f\\x7f]+", " ").trim();
        return one.length() <= 900 ? one : one.substring(0, 900);
    }

    /** The header section of a message, up to and including the empty line (or all of it when there is none). */
    static byte[] headerSection(byte[] message) {
        for (int i = 0; i < message.length; i++) {
            if (message[i] == '\n') {
                int next = i + 1;
                if (next < message.length && message[next] == '\n') {
                    return java.util.Arrays.copyOf(message, next + 1);
                }
                if (next + 1 < message.length && message[next] == '\r' && message[next + 1] == '\n') {
                    return java.util.Arrays.copyOf(message, next + 2);
                }
            }
        }
        return message;
    }

    private static boolean eightBit(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return true;
            }
        }
        return false;
    }
}
