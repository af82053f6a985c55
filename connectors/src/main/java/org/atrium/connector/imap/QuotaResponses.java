package org.atrium.connector.imap;

import java.util.ArrayList;
import java.util.List;
import org.atrium.connector.imap.port.QuotaInfo;

/**
 * The single quota root of an account (RFC 9208 §3.2): named {@code ""}, covering every mailbox, with the resources
 * STORAGE (in KiB, §5.1) and MESSAGE (§5.2); a resource without a limit is not listed.
 */
final class QuotaResponses {

    static final String ROOT = "";

    private QuotaResponses() {
    }

    /** {@code QUOTA "" (STORAGE used limit MESSAGE used limit)} (RFC 9208 §7.1). */
    static String quota(QuotaInfo q) {
        List<String> parts = new ArrayList<>();
        if (q.storageLimitKib() >= 0) {
            parts.add("STORAGE " + q.storageKib() + " " + q.storageLimitKib());
        }
        if (q.messageLimit() >= 0) {
            parts.add("MESSAGE " + q.messages() + " " + q.messageLimit());
        }
        return "QUOTA " + ImapResponses.quote(ROOT) + " (" + String.join(" ", parts) + ")";
    }
}
