package org.atrium.connector.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The CAPABILITY list (RFC 3501 §7.2.1), declared in one place: each capability names the commands that implement
 * it, and is advertised only when all of them have a registered processor. So a capability never outruns its code:
 * MOVE appears once a MOVE processor is registered, SORT once SORT is.
 *
 * <p>Capabilities with no command of their own (LITERAL+ is the request reader's, CHILDREN the LIST processor's) name
 * the command whose responses carry them.
 */
public final class ImapCapabilities {

    private record Entry(String capability, Set<String> requires) {
    }

    static final String STARTTLS = "STARTTLS";

    private static final List<Entry> DECLARED = List.of(
            new Entry("IMAP4rev1", Set.of()),
            // RFC 9051 §6.3.1, Appendix E: a client opts into IMAP4rev2 with ENABLE; what rev2 makes mandatory must
            // be there (ENABLE, NAMESPACE, UNSELECT, MOVE, IDLE, ESEARCH, LIST-EXTENDED/LIST-STATUS, STATUS=SIZE,
            // BINARY's FETCH items and APPEND literal8).
            new Entry("IMAP4rev2", Set.of("ENABLE", "NAMESPACE", "UNSELECT", "MOVE", "IDLE", "SEARCH", "LIST",
                    "STATUS", "FETCH", "APPEND")),
            new Entry("LITERAL+", Set.of()), // RFC 7888, framed by ImapRequestReader
            // RFC 3501 §6.2.1: the session drops it where TLS is not available or already active (withoutStartTls)
            new Entry(STARTTLS, Set.of(STARTTLS)),
            new Entry("SASL-IR", Set.of("AUTHENTICATE")), // RFC 4959
            new Entry("AUTH=PLAIN", Set.of("AUTHENTICATE")), // RFC 4616
            new Entry("ENABLE", Set.of("ENABLE")), // RFC 5161
            new Entry("ID", Set.of("ID")), // RFC 2971
            new Entry("IDLE", Set.of("IDLE")), // RFC 2177
            new Entry("NAMESPACE", Set.of("NAMESPACE")), // RFC 2342
            new Entry("UNSELECT", Set.of("UNSELECT")), // RFC 3691
            new Entry("UIDPLUS", Set.of("APPEND", "COPY", "EXPUNGE")), // RFC 4315: APPENDUID, COPYUID, UID EXPUNGE
            new Entry("MOVE", Set.of("MOVE")), // RFC 6851
            new Entry("CHILDREN", Set.of("LIST")), // RFC 3348
            new Entry("SPECIAL-USE", Set.of("LIST")), // RFC 6154
            new Entry("LIST-EXTENDED", Set.of("LIST")), // RFC 5258
            new Entry("LIST-STATUS", Set.of("LIST", "STATUS")), // RFC 5819
            new Entry("CONDSTORE", Set.of("SELECT", "FETCH", "STORE", "SEARCH", "STATUS")), // RFC 7162 §3.1
            new Entry("QRESYNC", Set.of("ENABLE", "SELECT", "FETCH", "STORE", "SEARCH")), // RFC 7162 §3.2
            new Entry("ESEARCH", Set.of("SEARCH")), // RFC 4731
            new Entry("SEARCHRES", Set.of("SEARCH")), // RFC 5182
            new Entry("SORT", Set.of("SORT")), // RFC 5256
            new Entry("THREAD=ORDEREDSUBJECT", Set.of("THREAD")),
            new Entry("THREAD=REFERENCES", Set.of("THREAD")),
            new Entry("QUOTA", Set.of("GETQUOTA", "GETQUOTAROOT")), // RFC 9208
            new Entry("QUOTA=RES-STORAGE", Set.of("GETQUOTA", "GETQUOTAROOT")),
            new Entry("QUOTA=RES-MESSAGE", Set.of("GETQUOTA", "GETQUOTAROOT")),
            new Entry("ACL", Set.of("SETACL", "DELETEACL", "GETACL", "LISTRIGHTS", "MYRIGHTS")), // RFC 4314
            new Entry("RIGHTS=" + AclRights.EXTENDED, // RFC 4314 §2.1: k x t e beyond RFC 2086
                    Set.of("SETACL", "DELETEACL", "GETACL", "LISTRIGHTS", "MYRIGHTS")),
            new Entry("APPENDLIMIT=", Set.of("APPEND")), // RFC 7889, value appended below
            new Entry("STATUS=SIZE", Set.of("STATUS")), // RFC 8438
            new Entry("BINARY", Set.of("FETCH", "APPEND"))); // RFC 3516: BINARY[] items, literal8 in APPEND

    private ImapCapabilities() {
    }

    /**
     * The list for a connection that cannot switch to TLS (no TLS on the listener, or TLS already active): RFC 3501
     * §6.2.1 and RFC 9051 §6.2.1 advertise STARTTLS only before TLS.
     */
    public static List<String> withoutStartTls(List<String> capabilities) {
        return capabilities.stream().filter(c -> !c.equals(STARTTLS)).toList();
    }

    /**
     * The capability atoms for a server whose registered commands are {@code commands}, in declaration order.
     *
     * @param commands upper-case command names with a registered processor
     */
    public static List<String> of(Set<String> commands, ImapSettings settings) {
        List<String> caps = new ArrayList<>();
        for (Entry e : DECLARED) {
            if (commands.containsAll(e.requires())) {
                caps.add(e.capability().endsWith("=") ? e.capability() + settings.maxAppendSize() : e.capability());
            }
        }
        return List.copyOf(caps);
    }
}
