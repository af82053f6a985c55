package org.atrium.connector.imap;

import java.util.Locale;
import java.util.Optional;
import org.atrium.connector.imap.port.ImapMailStore;

/**
 * The three namespaces of RFC 2342 as ADR 0006 lays them out: the personal one (no prefix: INBOX and the caller's
 * own folders), the other users' one ({@code Other Users/<address>/<path>}) and the shared one
 * ({@code Public Folders/<path>}), all with {@link ImapMailStore#DELIMITER}. The store resolves every name; the
 * session only needs the prefixes for NAMESPACE (RFC 2342 §5) and a folder's owner for LISTRIGHTS (RFC 4314 §3.4).
 *
 * <p>Names are compared case-sensitively (RFC 3501 §5.1: only INBOX is case-insensitive); an address is returned in
 * lower case, as the store spells identifiers (RFC 4314 §2).
 */
final class Namespaces {

    /** Prefix of the other users' namespace, delimiter included. */
    static final String OTHER_USERS_PREFIX = ImapMailStore.OTHER_USERS + ImapMailStore.DELIMITER;

    /** Prefix of the shared (public folders) namespace, delimiter included. */
    static final String PUBLIC_FOLDERS_PREFIX = ImapMailStore.PUBLIC_FOLDERS + ImapMailStore.DELIMITER;

    private Namespaces() {
    }

    /**
     * The NAMESPACE response (RFC 2342 §5, RFC 9051 §6.3.10 and §7.3.2 for IMAP4rev2, same syntax): one namespace of
     * each kind, each prefix ending with the delimiter so that a client can LIST {@code prefix%} at once.
     */
    static String response() {
        return response(true);
    }

    /** As {@link #response()}; without {@code shared} the shared namespace is NIL (RFC 2342 §5: none). */
    static String response(boolean shared) {
        return "NAMESPACE ((\"\" " + delimiter() + ")) ((" + ImapResponses.quote(OTHER_USERS_PREFIX) + " "
                + delimiter() + ")) " + (shared ? "((" + ImapResponses.quote(PUBLIC_FOLDERS_PREFIX) + " "
                + delimiter() + "))" : "NIL");
    }

    private static String delimiter() {
        return ImapResponses.quote(String.valueOf(ImapMailStore.DELIMITER));
    }

    /** Whether {@code path} is in the other users' or the shared namespace (or is one of their roots). */
    static boolean isShared(String path) {
        return path.startsWith(OTHER_USERS_PREFIX) || path.startsWith(PUBLIC_FOLDERS_PREFIX)
                || path.equals(ImapMailStore.OTHER_USERS) || path.equals(ImapMailStore.PUBLIC_FOLDERS);
    }

    /**
     * Who owns the folder {@code path} names, for {@code account}: {@code account} itself for a personal name,
     * {@code <address>} (lower case) for {@code Other Users/<address>/...}, and nobody (empty) for a public folder or
     * a namespace root: public folders have no implicit owner, their owners are whoever holds {@code a} (ADR 0006).
     */
    static Optional<String> owner(String account, String path) {
        if (path.startsWith(OTHER_USERS_PREFIX)) {
            String rest = path.substring(OTHER_USERS_PREFIX.length());
            int end = rest.indexOf(ImapMailStore.DELIMITER);
            String address = end < 0 ? rest : rest.substring(0, end);
            return address.isEmpty() ? Optional.empty() : Optional.of(address.toLowerCase(Locale.ROOT));
        }
        if (isShared(path)) {
            return Optional.empty();
        }
        return Optional.of(account);
    }
}
