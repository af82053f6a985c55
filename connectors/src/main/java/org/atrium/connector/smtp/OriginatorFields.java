package org.atrium.connector.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/**
 * The originator fields of a submitted message (RFC 5322 §3.6.2): the addr-specs of {@code From:} and of
 * {@code Sender:}, read from the header section only (up to the first empty line), folded lines unfolded (§2.2.3),
 * groups flattened. Display names and comments are dropped; only addresses are checked.
 *
 * @param from the From addresses, in order; empty when the field is missing or holds no address
 * @param sender the Sender address, or null when there is none; when it holds several (invalid), the first
 * @param fromFields how many From fields the header has (RFC 5322 §3.6 allows exactly one)
 */
record OriginatorFields(List<String> from, String sender, int fromFields) {

    /** Headers larger than this are not searched further; real header sections are a few KiB. */
    static final int MAX_HEADER_OCTETS = 1024 * 1024;

    static OriginatorFields read(MessageData data) throws IOException {
        List<String> from = new ArrayList<>();
        String sender = null;
        int fromFields = 0;
        try (InputStream in = data.open()) {
            byte[] head = in.readNBytes(MAX_HEADER_OCTETS);
            String text = new String(head, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String header = end < 0 ? text : text.substring(0, end + 2);
            for (String field : header.replaceAll("\r\n(?=[ \t])", "").split("\r\n")) {
                int colon = field.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = field.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = field.substring(colon + 1);
                if (name.equals("from")) {
                    fromFields++;
                    from.addAll(addresses(value));
                } else if (name.equals("sender") && sender == null) {
                    List<String> s = addresses(value);
                    sender = s.isEmpty() ? null : s.get(0);
                }
            }
        }
        return new OriginatorFields(List.copyOf(from), sender, fromFields);
    }

    private static List<String> addresses(String value) {
        List<String> out = new ArrayList<>();
        try {
            MailboxList list = LenientAddressParser.DEFAULT.parseAddressList(value).flatten();
            for (Mailbox m : list) {
                if (m.getAddress() != null && m.getAddress().indexOf('@') > 0) {
                    out.add(m.getAddress());
                }
            }
        } catch (RuntimeException e) {
            // Unparseable: no address, which the caller refuses.
        }
        return out;
    }
}
