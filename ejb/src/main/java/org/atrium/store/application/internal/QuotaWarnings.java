package org.atrium.store.application.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * When a public folder's owners are warned about its size (ADR 0006): once when usage reaches the warning level,
 * and again only after usage went below it (which clears the record of the warning).
 */
final class QuotaWarnings {

    /** What to do after a filing. */
    enum Decision {
        /** Send the warning and record it. */
        WARN,
        /** Usage is below the level (or there is none): forget the warning sent. */
        CLEAR,
        /** Nothing changes. */
        NONE
    }

    private QuotaWarnings() {
    }

    /**
     * @param warnBytes the warning level, null: none
     * @param warned whether a warning is recorded ({@code quota_warned_at})
     * @param usage bytes the folder holds now
     */
    static Decision decide(Long warnBytes, boolean warned, long usage) {
        boolean above = warnBytes != null && usage >= warnBytes;
        if (above) {
            return warned ? Decision.NONE : Decision.WARN;
        }
        return warned ? Decision.CLEAR : Decision.NONE;
    }

    /**
     * The warning sent to a folder's owners: a short text/plain message (RFC 5322 header fields, RFC 2045 MIME
     * headers), marked as automatically generated (RFC 3834 §5: {@code Auto-Submitted: auto-generated}), from the
     * postmaster of the folder's domain (replies reach a person, RFC 5321 §4.5.1).
     */
    static byte[] notice(String path, long usage, Long warnBytes, Long prohibitBytes, List<String> owners,
            String postmaster, Instant now) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(now);
        String name = path.replaceAll("[\\r\\n]", " ");
        StringBuilder sb = new StringBuilder();
        sb.append("From: Atrium <").append(postmaster).append(">\r\n");
        sb.append("To: ").append(String.join(",\r\n ", owners)).append("\r\n");
        sb.append("Subject: ").append(qEncode("Public folder \"" + name + "\" is nearly full")).append("\r\n");
        sb.append("Date: ").append(date).append("\r\n");
        sb.append("Message-ID: <").append(UUID.randomUUID()).append("@atrium.quota>\r\n");
        sb.append("Auto-Submitted: auto-generated\r\n");
        sb.append("MIME-Version: 1.0\r\n");
        sb.append("Content-Type: text/plain; charset=UTF-8\r\n");
        sb.append("Content-Transfer-Encoding: 8bit\r\n\r\n");
        sb.append("The public folder \"").append(name).append("\" holds ").append(usage)
                .append(" bytes, at or above its warning level of ").append(warnBytes).append(" bytes.\r\n");
        if (prohibitBytes != null) {
            sb.append("Above ").append(prohibitBytes).append(" bytes, posts and new items will be refused.\r\n");
        }
        sb.append("\r\nYou receive this because you are an owner of the folder. Delete items or ask an "
                + "administrator to raise its limits.\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An unstructured header value as RFC 2047 "Q" encoded words (§4.2), each at most 75 characters and holding
     * whole characters (§5), folded onto continuation lines.
     */
    static String qEncode(String text) {
        StringBuilder out = new StringBuilder();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            StringBuilder enc = new StringBuilder();
            for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (c == ' ') {
                    enc.append('_');
                } else if (c > 0x20 && c < 0x7f && c != '=' && c != '?' && c != '_' && c != '"') {
                    enc.append((char) c);
                } else {
                    enc.append('=').append(String.format("%02X", c));
                }
            }
            if (word.length() + enc.length() > 75 - "=?UTF-8?Q??=".length()) {
                out.append(out.isEmpty() ? "" : "\r\n ").append("=?UTF-8?Q?").append(word).append("?=");
                word.setLength(0);
            }
            word.append(enc);
        });
        out.append(out.isEmpty() ? "" : "\r\n ").append("=?UTF-8?Q?").append(word).append("?=");
        return out.toString();
    }
}
