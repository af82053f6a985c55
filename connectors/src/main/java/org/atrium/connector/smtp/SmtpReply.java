package org.atrium.connector.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * One SMTP reply (RFC 5321 §4.2): a three-digit code, an optional enhanced status code (RFC 2034, RFC 3463) and one
 * or more text lines. RFC 2034 §4 puts the enhanced code on every 2xx, 4xx and 5xx line except the greeting and the
 * EHLO/HELO reply; 3xx replies (354) carry none either, so {@code status} is null there.
 *
 * @param code the reply code, 200..599
 * @param status the enhanced status code such as {@code 2.1.5}, or null
 * @param lines the text, one entry per reply line; never empty
 */
record SmtpReply(int code, String status, List<String> lines) {

    SmtpReply {
        if (code < 200 || code > 599 || lines.isEmpty()) {
            throw new IllegalArgumentException("bad reply " + code + " " + lines);
        }
        lines = List.copyOf(lines);
    }

    static SmtpReply of(int code, String status, String text) {
        return new SmtpReply(code, status, List.of(text));
    }

    /** The reply as wire lines without CR LF: {@code 250-first}, ..., {@code 250 last}. */
    List<String> render() {
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String separator = i == lines.size() - 1 ? " " : "-";
            String prefix = status == null ? "" : status + " ";
            out.add(code + separator + prefix + lines.get(i));
        }
        return out;
    }

    /** Client errors that count towards the bad-command limit: unknown, syntax, sequence, parameters. */
    boolean isProtocolError() {
        return code == 500 || code == 501 || code == 503 || code == 555;
    }
}
