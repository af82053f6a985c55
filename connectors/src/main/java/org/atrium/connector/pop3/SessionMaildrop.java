package org.atrium.connector.pop3;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The maildrop as one session in the TRANSACTION state sees it (RFC 1939 §5): the messages present at login, numbered
 * from 1 for the whole session, plus the deletion marks that only QUIT turns into removals (RFC 1939 §6).
 *
 * <p>Invariant: message numbers never shift; a marked message keeps its number and is merely hidden from STAT and
 * the multi-line LIST and UIDL. Part of the session's state; never shared between sessions.
 */
final class SessionMaildrop {

    private final String account;
    private final Maildrop maildrop;
    private final List<MaildropEntry> entries;
    private final BitSet deleted = new BitSet();

    SessionMaildrop(String account, Maildrop maildrop) {
        this.account = account;
        this.maildrop = maildrop;
        this.entries = List.copyOf(maildrop.entries());
    }

    String account() {
        return account;
    }

    Maildrop maildrop() {
        return maildrop;
    }

    /** All messages, marked or not; the highest valid message number. */
    int size() {
        return entries.size();
    }

    MaildropEntry entry(int number) {
        return entries.get(number - 1);
    }

    boolean isDeleted(int number) {
        return deleted.get(number - 1);
    }

    void markDeleted(int number) {
        deleted.set(number - 1);
    }

    /** RSET (RFC 1939 §5): unmarks everything. */
    void unmarkAll() {
        deleted.clear();
    }

    /**
     * The multi-line form of LIST and UIDL (RFC 1939 §5, §7): "n value" for each message not marked deleted, numbered
     * as at login.
     */
    List<String> listing(java.util.function.Function<MaildropEntry, Object> value) {
        List<String> lines = new java.util.ArrayList<>();
        for (int n = 1; n <= size(); n++) {
            if (!isDeleted(n)) {
                lines.add(n + " " + value.apply(entry(n)));
            }
        }
        return lines;
    }

    int liveCount() {
        return entries.size() - deleted.cardinality();
    }

    long liveOctets() {
        long sum = 0;
        for (int n = 1; n <= entries.size(); n++) {
            if (!isDeleted(n)) {
                sum += entry(n).size();
            }
        }
        return sum;
    }

    /** The entries QUIT must expunge, in message-number order. */
    List<MaildropEntry> marked() {
        List<MaildropEntry> out = new ArrayList<>();
        deleted.stream().forEach(i -> out.add(entries.get(i)));
        return out;
    }

    /** A message number that exists and is not marked deleted, or a reason it cannot be used. */
    sealed interface Lookup permits Found, Refused {
    }

    record Found(int number, MaildropEntry entry) implements Lookup {
    }

    /** @param reply the complete {@code -ERR} line */
    record Refused(String reply) implements Lookup {
    }

    /** Resolves a message-number argument: strict decimal (no sign, no spaces), 1..{@link #size()}, not deleted. */
    Lookup lookup(String argument) {
        OptionalLong value = decimal(argument);
        if (value.isEmpty()) {
            return new Refused("-ERR invalid message number");
        }
        if (value.getAsLong() < 1 || value.getAsLong() > entries.size()) {
            return new Refused("-ERR no such message");
        }
        int number = (int) value.getAsLong();
        if (isDeleted(number)) {
            return new Refused("-ERR message " + number + " already deleted");
        }
        return new Found(number, entry(number));
    }

    /**
     * Parses an unsigned decimal number. A value too large for a long saturates at {@link Long#MAX_VALUE}: it is out
     * of range as a message number and means "all of them" as a TOP line count, which is what the client asked for.
     */
    static OptionalLong decimal(String s) {
        if (s.isEmpty()) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            if (value > (Long.MAX_VALUE - 9) / 10) {
                value = Long.MAX_VALUE;
            } else {
                value = value * 10 + (c - '0');
            }
        }
        return OptionalLong.of(value);
    }
}
